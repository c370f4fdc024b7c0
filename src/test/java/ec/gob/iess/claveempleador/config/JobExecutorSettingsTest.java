package ec.gob.iess.claveempleador.config;

import static org.assertj.core.api.Assertions.assertThat;

import ec.gob.iess.claveempleador.support.ClaveSpringBootTest;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** How the application's engine takes its jobs (the model gives the mails their priority: ProcessModelTest). */
@ClaveSpringBootTest
class JobExecutorSettingsTest {

    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Test
    void mailsDueWithTimersAreTakenFirst() {
        assertThat(engine.isJobExecutorAcquireByPriority()).isTrue();
    }
}
