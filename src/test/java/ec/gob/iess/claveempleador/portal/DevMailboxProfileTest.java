package ec.gob.iess.claveempleador.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** The dev mailbox exists only beside the embedded SMTP server (default profile); prod turns that off. */
class DevMailboxProfileTest {

    private final WebApplicationContextRunner context = new WebApplicationContextRunner()
            .withBean(GreenMail.class, () -> Mockito.mock(GreenMail.class))
            .withUserConfiguration(DevMailboxController.class);

    @Test
    void mailboxExistsWithTheEmbeddedServer() {
        context.withPropertyValues("clave.mail.embedded-server=true")
                .run(app -> assertThat(app).hasSingleBean(DevMailboxController.class));
    }

    @Test
    void mailboxDoesNotExistWithoutTheEmbeddedServer() {
        context.withPropertyValues("clave.mail.embedded-server=false")
                .run(app -> assertThat(app).doesNotHaveBean(DevMailboxController.class));
        context.run(app -> assertThat(app).doesNotHaveBean(DevMailboxController.class));
    }
}
