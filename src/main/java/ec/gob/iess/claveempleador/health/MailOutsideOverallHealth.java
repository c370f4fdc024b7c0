package ec.gob.iess.claveempleador.health;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.health.AdditionalHealthEndpointPath;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.StatusAggregator;
import org.springframework.stereotype.Component;

/**
 * Keeps the mail server out of {@code /actuator/health}: codes and links are sent by jobs that retry, so a slow
 * or absent SMTP server must not make a load balancer take the whole portal out, nor make every health call
 * wait for SMTP time-outs. Operators read it on its own at {@code /actuator/health/mail} (the {@code mail} group).
 * Spring Boot has no setting for this: the overall status always covers every indicator.
 */
@Component
class MailOutsideOverallHealth implements HealthEndpointGroupsPostProcessor {

    /** The name of Spring Boot's mail health indicator. */
    static final String MAIL = "mail";

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        Map<String, HealthEndpointGroup> named = groups.getNames().stream()
                .collect(Collectors.toMap(Function.identity(), groups::get));
        return HealthEndpointGroups.of(new AllBut(MAIL, groups.getPrimary()), named);
    }

    private record AllBut(String excluded, HealthEndpointGroup primary) implements HealthEndpointGroup {

        @Override
        public boolean isMember(String name) {
            return !excluded.equals(name) && primary.isMember(name);
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return primary.showComponents(securityContext);
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return primary.showDetails(securityContext);
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return primary.getStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return primary.getHttpCodeStatusMapper();
        }

        @Override
        public AdditionalHealthEndpointPath getAdditionalPath() {
            return primary.getAdditionalPath();
        }
    }
}
