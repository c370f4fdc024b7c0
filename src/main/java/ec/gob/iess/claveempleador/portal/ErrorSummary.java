package ec.gob.iess.claveempleador.portal;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.util.DetailedError;

/**
 * The order of a form's error summary: the order in which the employer reads the fields (the form record's
 * components), whatever order the validator or the controller found them in; errors of the whole form first.
 * Used by the {@code errorSummary} fragment as {@code @errorSummary}.
 */
@Component("errorSummary")
public class ErrorSummary {

    public List<DetailedError> inFieldOrder(Object form, List<DetailedError> errors) {
        List<String> fields = form != null && form.getClass().isRecord()
                ? Arrays.stream(form.getClass().getRecordComponents()).map(RecordComponent::getName).toList()
                : List.of();
        return errors.stream().sorted(Comparator.comparingInt(error -> position(fields, error))).toList();
    }

    private static int position(List<String> fields, DetailedError error) {
        if (error.isGlobal()) {
            return -1;
        }
        int index = fields.indexOf(error.getFieldName());
        return index < 0 ? fields.size() : index;
    }
}
