package ec.gob.iess.claveempleador.benchmark;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/**
 * What an employer reads in the mail: the code and the link. Each benchmark employer has its own address, so
 * a journey looks only at its own inbox (GreenMail keeps one per recipient) instead of at every mail received.
 */
final class Mailbox {

    static final Pattern CODE = Pattern.compile("(?m)^\\s*(" + OtpCode.PATTERN + ")\\s*$");
    static final Pattern LINK = Pattern.compile("https?://\\S+/recuperar-clave/nueva-clave\\?token=([A-Za-z0-9_-]+)");

    private final GreenMail server;

    Mailbox(GreenMail server) {
        this.server = server;
    }

    /** Forgets what an address received before (the previous journey's confirmation mail). */
    void clear(String address) {
        inbox(address).ifPresent(MailFolder::deleteAllMessages);
    }

    /** The first group of {@code pattern} in a mail to {@code address}, consuming that inbox; empty until one came. */
    Optional<String> take(String address, Pattern pattern) {
        Optional<MailFolder> inbox = inbox(address);
        if (inbox.isEmpty()) {
            return Optional.empty();
        }
        List<StoredMessage> messages = inbox.get().getMessages();
        for (StoredMessage message : messages) {
            Matcher matcher = pattern.matcher(plainText(message));
            if (matcher.find()) {
                inbox.get().deleteAllMessages();
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    private Optional<MailFolder> inbox(String address) {
        GreenMailUser user = server.getUserManager().getUserByEmail(address);
        if (user == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(server.getManagers().getImapHostManager().getInbox(user));
        } catch (FolderException e) {
            return Optional.empty();
        }
    }

    private static String plainText(StoredMessage message) {
        try {
            return plain(message.getMimeMessage());
        } catch (IOException | MessagingException e) {
            return "";
        }
    }

    private static String plain(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plain(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }
}
