package ec.gob.iess.claveempleador.mail;

import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Renders a mail from {@code templates/mail/<name>.html} and {@code <name>.txt} (HTML with a plain-text
 * alternative) and sends it, in the language the employer used for the recovery.
 */
@Component
public class MailComposer {


    private final JavaMailSender sender;
    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final MailProperties properties;

    MailComposer(JavaMailSender sender, SpringTemplateEngine templates, MessageSource messages, MailProperties properties) {
        this.sender = sender;
        this.templates = templates;
        this.messages = messages;
        this.properties = properties;
    }

    /** Sends the mail in the employer's language, subject included. */
    public void send(String to, String template, Locale language, Map<String, Object> model) {
        Context context = new Context(language, model);
        String subject = messages.getMessage("mail." + template + ".subject", null, language);
        String html = templates.process("mail/" + template, context);
        String text = templates.process("mail/" + template + ".txt", context);
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, html);
        } catch (MessagingException e) {
            throw new MailPreparationException("could not build the " + template + " mail", e);
        }
        sender.send(message);
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class TextTemplates {

        /** Plain-text mail bodies; HTML pages and mails go through Boot's default resolver. */
        @Bean
        SpringResourceTemplateResolver textMailTemplateResolver() {
            SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
            resolver.setPrefix("classpath:/templates/");
            resolver.setResolvablePatterns(java.util.Set.of("mail/*.txt"));
            resolver.setTemplateMode(TemplateMode.TEXT);
            resolver.setCharacterEncoding("UTF-8");
            resolver.setCheckExistence(true);
            resolver.setOrder(0);
            return resolver;
        }
    }
}
