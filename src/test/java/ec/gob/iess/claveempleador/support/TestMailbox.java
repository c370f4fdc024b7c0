package ec.gob.iess.claveempleador.support;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Reads what the embedded SMTP server received: the codes and links an employer would read. */
public class TestMailbox {

    private static final Pattern CODE = Pattern.compile("(?m)^\\s*(" + OtpCode.PATTERN + ")\\s*$");
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/recuperar-clave/nueva-clave\\?token=([A-Za-z0-9_-]+))");

    private final GreenMail server;

    public TestMailbox(GreenMail server) {
        this.server = server;
    }

    public List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> recipientIs(m, address)).toList();
    }

    public MimeMessage latestTo(String address) {
        List<MimeMessage> messages = to(address);
        if (messages.isEmpty()) {
            throw new AssertionError("no mail to " + address);
        }
        return messages.get(messages.size() - 1);
    }

    public String codeSentTo(String address) {
        Matcher matcher = CODE.matcher(text(latestTo(address)));
        if (!matcher.find()) {
            throw new AssertionError("the latest mail to " + address + " holds no code");
        }
        return matcher.group(1);
    }

    public String linkSentTo(String address) {
        Matcher matcher = LINK.matcher(text(latestTo(address)));
        if (!matcher.find()) {
            throw new AssertionError("the latest mail to " + address + " holds no recovery link");
        }
        return matcher.group(1);
    }

    public String tokenSentTo(String address) {
        Matcher matcher = LINK.matcher(linkSentTo(address));
        matcher.find();
        return matcher.group(2);
    }

    public int count() {
        return server.getReceivedMessages().length;
    }

    public void clear() throws Exception {
        server.purgeEmailFromAllMailboxes();
    }

    /** The plain-text alternative of a mail, as the employer's mail program would show it. */
    public static String text(MimeMessage message) {
        return plainPart(message);
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plainPart(MimeMessage message) {
        try {
            return findPlain(message.getContent());
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String findPlain(Object content) throws MessagingException, IOException {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                if (part.getContent() instanceof jakarta.mail.Multipart) {
                    String nested = findPlain(part.getContent());
                    if (nested != null) {
                        return nested;
                    }
                }
            }
        }
        return null;
    }

    private static boolean recipientIs(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
