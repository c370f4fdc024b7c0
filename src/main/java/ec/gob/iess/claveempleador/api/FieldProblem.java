package ec.gob.iess.claveempleador.api;

import java.util.Comparator;

/** One refused request field: its JSON name and a stable code ({@code REQUIRED}, {@code FORMAT}, {@code CHECK_DIGIT}…). */
record FieldProblem(String field, String code) implements Comparable<FieldProblem> {

    private static final Comparator<FieldProblem> ORDER = Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::code);

    @Override
    public int compareTo(FieldProblem other) {
        return ORDER.compare(this, other);
    }
}
