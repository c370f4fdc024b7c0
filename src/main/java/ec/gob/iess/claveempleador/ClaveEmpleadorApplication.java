package ec.gob.iess.claveempleador;

import javax.xml.datatype.DatatypeFactory;

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
        // Camunda asks DatatypeFactory.newInstance() at every timer and job retry; unnamed, the JDK searches every nested
        // jar for a provider each time (6 % of the CPU under load, see README "Performance"). None ships one: name the JDK's.
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
        SpringApplication.run(ClaveEmpleadorApplication.class, args);
    }
}
