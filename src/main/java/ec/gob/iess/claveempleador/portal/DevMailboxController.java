package ec.gob.iess.claveempleador.portal;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import ec.gob.iess.claveempleador.config.Ecuador;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What the embedded SMTP server received, newest first, so a newcomer can read codes and open links with
 * nothing installed. It exists only with the embedded server (default profile), never in prod.
 */
@Controller
@ConditionalOnProperty(name = "clave.mail.embedded-server", havingValue = "true")
class DevMailboxController {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Ecuador.TIME_ZONE);

    private final GreenMail server;

    DevMailboxController(GreenMail server) {
        this.server = server;
    }

    @GetMapping("/dev/mailbox")
    String mailbox(Model model) throws MessagingException, IOException {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            mails.add(Mail.of(message));
        }
        // GreenMail lists in the order received.
        Collections.reverse(mails);
        model.addAttribute("mails", mails);
        return "portal/dev-mailbox";
    }

    record Mail(String to, String subject, String sentAt, List<Segment> body) {

        static Mail of(MimeMessage message) throws MessagingException, IOException {
            String to = String.join(", ", Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList());
            Date sent = message.getSentDate();
            String sentAt = sent == null ? "" : TIME.format(Instant.ofEpochMilli(sent.getTime()));
            String text = plainText(message.getContent());
            return new Mail(to, message.getSubject(), sentAt, segments(text == null ? "" : text));
        }

        private static String plainText(Object content) throws MessagingException, IOException {
            if (content instanceof String text) {
                return text;
            }
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        return (String) part.getContent();
                    }
                    if (part.getContent() instanceof Multipart nested && plainText(nested) != null) {
                        return plainText(nested);
                    }
                }
            }
            return null;
        }

        /** The body cut into plain text and links, so the page can make links clickable and still escape everything. */
        private static List<Segment> segments(String text) {
            List<Segment> segments = new ArrayList<>();
            Matcher matcher = URL.matcher(text);
            int from = 0;
            while (matcher.find()) {
                segments.add(new Segment(text.substring(from, matcher.start()), false));
                segments.add(new Segment(matcher.group(), true));
                from = matcher.end();
            }
            segments.add(new Segment(text.substring(from), false));
            return segments;
        }
    }

    record Segment(String text, boolean link) {
    }
}
