package ec.gob.iess.claveempleador.recovery.process;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.BooleanValue;
import org.camunda.bpm.engine.variable.value.StringValue;

/** Typed reads of process variables: no unchecked casts in the delegates. */
final class Variables {

    private Variables() {
    }

    static String string(VariableScope scope, String name) {
        return optionalString(scope, name).orElseThrow(() -> new IllegalStateException("missing process variable " + name));
    }

    static Optional<String> optionalString(VariableScope scope, String name) {
        StringValue value = scope.getVariableTyped(name);
        return Optional.ofNullable(value).map(StringValue::getValue);
    }

    static boolean flag(VariableScope scope, String name) {
        BooleanValue value = scope.getVariableTyped(name);
        return value != null && Boolean.TRUE.equals(value.getValue());
    }
}
