package ec.gob.iess.claveempleador.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ec.gob.iess.claveempleador.credential.PolicyViolation;
import ec.gob.iess.claveempleador.identity.InvalidIdentityNumberException;
import ec.gob.iess.claveempleador.recovery.AssistedReason;
import ec.gob.iess.claveempleador.recovery.CaseNotifications.Closing;
import ec.gob.iess.claveempleador.recovery.CaseResults.Refusal;
import ec.gob.iess.claveempleador.recovery.CaseStatus;
import ec.gob.iess.claveempleador.recovery.MailDelivery;
import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import ec.gob.iess.claveempleador.recovery.RecoveryStatus;
import ec.gob.iess.claveempleador.recovery.RejectionReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every message key the code and the templates use exists in Spanish and in English, so a missing key fails here
 * instead of reaching a page as {@code ??key_es_EC??} or an API answer as the bare key. Keys written whole are read
 * from the sources; keys built at run time (a prefix plus an enum constant, a field name, a mail kind) are expanded
 * below from the values they are built from. A new way of building keys fails until it is taught here.
 */
class MessageKeysInUseTest {

    private static final Path TEMPLATES = MessageBundles.RESOURCES.resolve("templates");
    private static final Path MAIN_JAVA = Path.of("src/main/java");

    /** The mails that can be awaited, as the pages and the API name them (code, link, assisted case's link). */
    private static final List<String> AWAITED_MAILS = List.of("code", "link", "assistedLink");
    /** The statuses the "request has ended" page explains. */
    private static final List<RecoveryStatus> ENDED_PAGE_STATUSES = List.of(RecoveryStatus.VALIDATING, RecoveryStatus.SUPERSEDED,
            RecoveryStatus.ASSISTED_REJECTED, RecoveryStatus.ASSISTED_EXPIRED);
    /** The statuses in which a case has a date to meet (the visit, or the approval's end): the case page names it. */
    private static final List<CaseStatus> CASE_STATUSES_WITH_A_DEADLINE = List.of(CaseStatus.PENDING, CaseStatus.APPROVED,
            CaseStatus.LINK_SENT);

    private static final Pattern PARSER_COMMENT = Pattern.compile("<!--/\\*.*?\\*/-->", Pattern.DOTALL);
    /** Mail subjects are named after their template, whose name may hold a hyphen ({@code mail.case-closed.subject}). */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)");
    private static final Pattern TEMPLATE_BUILT_KEY = Pattern.compile("#\\{\\$\\{([^}]*)}");
    private static final Pattern TEXT_FIELD = Pattern.compile("textField\\('(\\w+)'[^)]*?(true|false)\\)");
    private static final Pattern PASSWORD_FIELD = Pattern.compile("passwordField\\('(\\w+)'");
    private static final Pattern PROBLEM_CODE = Pattern.compile("problem\\(\\s*[\\w.]+\\s*,\\s*\"([A-Z_]+)\"");
    private static final Pattern UPPER_CASE_LITERAL = Pattern.compile("\"([A-Z][A-Z_]+)\"");

    private static Map<String, String> spanish;
    private static Map<String, String> english;
    private static Map<String, String> templates;
    private static Map<String, String> javaSources;

    @BeforeAll
    static void readBundlesAndSources() {
        spanish = MessageBundles.spanish();
        english = MessageBundles.english();
        templates = read(TEMPLATES, ".html", ".txt");
        // Thymeleaf drops its parser-level comments: an example key written in one is never resolved.
        templates.replaceAll((name, template) -> PARSER_COMMENT.matcher(template).replaceAll(""));
        javaSources = read(MAIN_JAVA, ".java");
    }

    @Test
    void everyKeyATemplateNamesExists() {
        Set<String> used = new TreeSet<>();
        templates.values().forEach(template -> used.addAll(matches(TEMPLATE_KEY, template)));

        assertThat(used).as("keys in templates").isNotEmpty();
        assertExistInBothLanguages(used);
    }

    @Test
    void everyKeyATemplateBuildsExists() {
        Map<String, Set<String>> built = templateBuiltKeys();
        Set<String> expressions = new TreeSet<>();
        templates.values().forEach(template -> expressions.addAll(matches(TEMPLATE_BUILT_KEY, template)));

        assertThat(built.keySet()).as("a template builds a key in a way this test cannot expand yet").containsAll(expressions);
        assertExistInBothLanguages(expressions.stream().flatMap(expression -> built.get(expression).stream()).toList());
    }

    @Test
    void everyKeyTheCodeNamesExists() {
        Set<String> whole = new TreeSet<>();
        javaSources.values().forEach(source -> keyLiterals(source).stream().filter(key -> !key.endsWith(".")).forEach(whole::add));

        assertThat(whole).as("keys in the code").isNotEmpty();
        assertExistInBothLanguages(whole);
    }

    @Test
    void everyKeyTheCodeBuildsExists() {
        Map<String, Set<String>> built = javaBuiltKeys();
        Set<String> prefixes = new TreeSet<>();
        javaSources.values().forEach(source -> keyLiterals(source).stream().filter(key -> key.endsWith(".")).forEach(prefixes::add));

        assertThat(built.keySet()).as("the code builds a key from a prefix this test cannot expand yet").containsAll(prefixes);
        assertExistInBothLanguages(prefixes.stream().flatMap(prefix -> built.get(prefix).stream()).toList());
    }

    /** How each key-building expression of the templates expands. */
    private static Map<String, Set<String>> templateBuiltKeys() {
        Set<String> fields = new TreeSet<>();
        Set<String> fieldsWithHints = new TreeSet<>();
        for (String template : templates.values()) {
            Matcher text = TEXT_FIELD.matcher(template);
            while (text.find()) {
                fields.add(text.group(1));
                if (Boolean.parseBoolean(text.group(2))) {
                    fieldsWithHints.add(text.group(1));
                }
            }
            fields.addAll(matches(PASSWORD_FIELD, template));
        }
        Map<String, Set<String>> built = new LinkedHashMap<>();
        built.put("'portal.ended.' + recovery.status.name()", keys("portal.ended.", ENDED_PAGE_STATUSES, RecoveryStatus::name));
        built.put("'portal.field.' + name", keys("portal.field.", fields, Function.identity()));
        built.put("'portal.field.' + name + '.hint'", fieldsWithHints.stream().map(field -> "portal.field." + field + ".hint")
                .collect(Collectors.toCollection(TreeSet::new)));
        built.put("'portal.mail.retrying.' + mail", keys("portal.mail.retrying.", AWAITED_MAILS, Function.identity()));
        built.put("'portal.mail.failed.title.' + mail", keys("portal.mail.failed.title.", AWAITED_MAILS, Function.identity()));
        built.put("'portal.mail.failed.' + mail", keys("portal.mail.failed.", AWAITED_MAILS, Function.identity()));
        built.put("recovery.assistedReason.wordsKey()", keys("", List.of(AssistedReason.values()), AssistedReason::wordsKey));
        built.put("recovery.assistedReason.whatToBringKey()", keys("", List.of(AssistedReason.values()), AssistedReason::whatToBringKey));
        built.put("view.reason.wordsKey()", keys("", List.of(AssistedReason.values()), AssistedReason::wordsKey));
        built.put("view.reason.whatToBringKey()", keys("", List.of(AssistedReason.values()), AssistedReason::whatToBringKey));
        built.put("view.rejectionReason.messageKey()", keys("", List.of(RejectionReason.values()), RejectionReason::messageKey));
        built.put("'portal.case.status.' + view.status.name()", keys("portal.case.status.", List.of(CaseStatus.values()), CaseStatus::name));
        built.put("'portal.case.next.' + view.status.name()", keys("portal.case.next.", List.of(CaseStatus.values()), CaseStatus::name));
        built.put("'portal.case.deadline.' + view.status.name()", keys("portal.case.deadline.", CASE_STATUSES_WITH_A_DEADLINE, CaseStatus::name));
        built.put("'portal.case.refusal.' + refusal", keys("portal.case.refusal.", List.of(Refusal.values()), Refusal::name));
        built.put("'mail.caseClosed.' + closing", keys("mail.caseClosed.", List.of(Closing.values()), Closing::name));
        return built;
    }

    /** How each key prefix of the code expands: the values the code appends to it. */
    private static Map<String, Set<String>> javaBuiltKeys() {
        Set<String> problemCodes = new TreeSet<>();
        javaSources.values().forEach(source -> problemCodes.addAll(matches(PROBLEM_CODE, source)));
        String exceptionHandler = javaSources.get("ec/gob/iess/claveempleador/api/ApiExceptionHandler.java");
        problemCodes.addAll(matches(UPPER_CASE_LITERAL, methodBody(exceptionHandler, "String codeFor(")));
        Set<String> fieldCodes = new TreeSet<>(matches(UPPER_CASE_LITERAL, methodBody(exceptionHandler, "String fieldCode(")));
        Arrays.stream(InvalidIdentityNumberException.Reason.values()).map(Enum::name).forEach(fieldCodes::add);
        Set<String> mails = templates.keySet().stream().filter(name -> name.startsWith("mail/") && name.endsWith(".html"))
                .map(name -> "mail." + name.substring("mail/".length(), name.length() - ".html".length()) + ".subject")
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> mailNotices = new TreeSet<>();
        for (MailDelivery delivery : List.of(MailDelivery.RETRYING, MailDelivery.FAILED)) {
            AWAITED_MAILS.forEach(mail -> mailNotices.add("api.mail." + delivery.name() + "." + mail));
        }

        Map<String, Set<String>> built = new LinkedHashMap<>();
        built.put("api.problem.", keys("api.problem.", problemCodes, Function.identity()));
        built.put("api.field.", keys("api.field.", fieldCodes, Function.identity()));
        built.put("api.mail.", mailNotices);
        built.put("mail.", mails);
        built.put("password.violation.", keys("", List.of(PolicyViolation.values()), PolicyViolation::messageKey));
        built.put("assisted.reason.", keys("", List.of(AssistedReason.values()), AssistedReason::wordsKey));
        built.put("assisted.label.", keys("", List.of(AssistedReason.values()), AssistedReason::labelKey));
        built.put("assisted.bring.", keys("", List.of(AssistedReason.values()), AssistedReason::whatToBringKey));
        built.put("case.rejection.", keys("", List.of(RejectionReason.values()), RejectionReason::messageKey));
        built.put("api.problem.CASE_NOT_APPROVED.", keys("api.problem.CASE_NOT_APPROVED.", List.of(Refusal.values()), Refusal::name));
        // Staff refusals travel as their key (StaffRefusalException); the code names each one whole.
        Set<String> refusals = new TreeSet<>();
        javaSources.values().forEach(source -> keyLiterals(source).stream()
                .filter(key -> key.startsWith("staff.refusal.") && !key.endsWith(".")).forEach(refusals::add));
        built.put("staff.refusal.", refusals);
        built.put("staff.start.field.", keys("staff.start.field.",
                List.of(RecoveryProcess.RUC, RecoveryProcess.SUCURSAL, RecoveryProcess.REPRESENTATIVE_ID), Function.identity()));
        return built;
    }

    /** String literals that are message keys or key prefixes: they start with a namespace of the bundles' keys. */
    private static List<String> keyLiterals(String source) {
        Set<String> namespaces = spanish.keySet().stream().map(key -> key.substring(0, key.indexOf('.')))
                .collect(Collectors.toCollection(TreeSet::new));
        Pattern literal = Pattern.compile("\"\\{?((?:" + String.join("|", namespaces) + ")\\.[\\w.]*)}?\"");
        return matches(literal, source);
    }

    private static void assertExistInBothLanguages(Collection<String> keys) {
        assertThat(keys.stream().filter(key -> !spanish.containsKey(key)).toList()).as("keys missing in Spanish").isEmpty();
        assertThat(keys.stream().filter(key -> !english.containsKey(key)).toList()).as("keys missing in English").isEmpty();
    }

    private static <T> Set<String> keys(String prefix, Collection<T> values, Function<T, String> suffix) {
        return values.stream().map(value -> prefix + suffix.apply(value)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String methodBody(String source, String signature) {
        int start = source.indexOf(signature);
        assertThat(start).as("%s in the source", signature).isNotNegative();
        return source.substring(start, source.indexOf("\n    }\n", start));
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Map<String, String> read(Path root, String... extensions) {
        try (Stream<Path> files = Files.walk(root)) {
            Map<String, String> sources = new LinkedHashMap<>();
            for (Path file : files.filter(f -> Arrays.stream(extensions).anyMatch(f.toString()::endsWith)).sorted().toList()) {
                sources.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
