package ec.gob.iess.claveempleador;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

// No Spring Security users: employers have their claves, staff the Camunda identity service. Without the
// exclusion Boot would create a user and log its generated password.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class ClaveEmpleadorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClaveEmpleadorApplication.class, args);
    }
}
