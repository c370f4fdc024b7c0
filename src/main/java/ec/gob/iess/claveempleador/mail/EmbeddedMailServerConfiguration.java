package ec.gob.iess.claveempleador.mail;

import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A GreenMail SMTP server inside the application, so that `./mvnw spring-boot:run` sends real mail with
 * nothing installed. Port 0 takes any free port (tests); the sender is wired to the port actually bound.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "clave.mail.embedded-server", havingValue = "true")
@EnableConfigurationProperties(org.springframework.boot.autoconfigure.mail.MailProperties.class)
class EmbeddedMailServerConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail embeddedMailServer(org.springframework.boot.autoconfigure.mail.MailProperties mail) {
        int port = mail.getPort() == null ? 3025 : mail.getPort();
        ServerSetup setup = new ServerSetup(port, mail.getHost(), ServerSetup.PROTOCOL_SMTP);
        return new GreenMail(port == 0 ? setup.dynamicPort() : setup);
    }

    // Declared as the implementation so that Spring Boot's mail health indicator covers this server too.
    @Bean
    JavaMailSenderImpl embeddedMailSender(GreenMail embeddedMailServer, org.springframework.boot.autoconfigure.mail.MailProperties mail) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.getHost());
        sender.setPort(embeddedMailServer.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        properties.putAll(mail.getProperties());
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
