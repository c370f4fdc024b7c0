package ec.gob.iess.claveempleador.staff;

import java.util.List;
import java.util.regex.Pattern;

/** The English words of Camunda's webapps a clerk would meet first if a label were left untranslated. */
final class SpanishTasklist {

    private static final List<String> VISIBLE_ENGLISH = List.of(
            "Claim", "Unclaim", "Complete", "Save", "Start", "Start process", "Filters", "Filter Tasks", "Due", "Created",
            "Follow-up", "Priority", "Sort by", "Assignee", "Add groups", "Set due date", "Set follow-up date",
            "Form", "History", "Diagram", "Description", "Loading", "Back", "Close", "Cancel", "Log in", "Log out",
            "Username", "Password", "Please Log in", "My profile", "Tasks", "Process", "ago", "in a month", "Powered by");

    private SpanishTasklist() {
    }

    /** The listed English words that occur in the text as whole words. */
    static List<String> englishIn(String text) {
        return VISIBLE_ENGLISH.stream()
                .filter(word -> Pattern.compile("(?<![\\p{L}-])" + Pattern.quote(word) + "(?![\\p{L}-])").matcher(text).find())
                .toList();
    }
}
