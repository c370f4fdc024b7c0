package ec.gob.iess.claveempleador;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ClaveEmpleadorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClaveEmpleadorApplication.class, args);
    }
}
