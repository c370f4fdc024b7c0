package ec.gob.iess.claveempleador.api;

import java.util.List;

/** Fields that are well-formed but still not acceptable (an identity number whose check digit fails). */
class InvalidFieldsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    InvalidFieldsException(List<FieldProblem> problems) {
        super("Invalid fields: " + problems.stream().map(FieldProblem::field).toList());
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
