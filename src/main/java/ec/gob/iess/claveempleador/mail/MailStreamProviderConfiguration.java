package ec.gob.iess.claveempleador.mail;

import org.eclipse.angus.mail.util.MailStreamProvider;
import org.springframework.context.annotation.Configuration;

/**
 * Names Jakarta Mail's {@code StreamProvider} once. Without the system property, Jakarta Mail 2.1 looks it up through
 * {@code ServiceLoader} for every part of every mail (each multipart, body part and encoded header), which walks the
 * nested jars of the executable jar: in the benchmark, a third of the mail jobs' CPU.
 */
@Configuration(proxyBeanMethods = false)
class MailStreamProviderConfiguration {

    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    MailStreamProviderConfiguration() {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, MailStreamProvider.class.getName());
        }
    }
}
