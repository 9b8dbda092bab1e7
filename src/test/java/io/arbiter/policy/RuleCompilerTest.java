package io.arbiter.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.arbiter.policy.Fixtures.CLOCK;
import static io.arbiter.policy.Fixtures.NOW;
import static io.arbiter.policy.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RuleCompilerTest {

    private static final String HEADER = """
            package arbiter.test;
            import io.arbiter.policy.CvsFacts.ScoringInput;
            import io.arbiter.policy.CvsFacts.ScoreAdjustment;
            """;

    @TempDir
    Path tmp;

    private RuleCompilationException failureOf(Path rulesDir) {
        return catchThrowableOfType(RuleCompilationException.class, () -> new RuleCompiler(CLOCK).compile(rulesDir));
    }

    /** The problems of the project's rules with one more file, {@code name}, holding HEADER and {@code rule}. */
    private List<String> problemsWith(String name, String rule) {
        Path rules = Fixtures.copyOfRules(tmp);
        write(rules.resolve(name), HEADER + rule);
        return failureOf(rules).problems();
    }

    @Test
    void theProjectRulesCompileWithTheirFilesAndRevision() {
        CompiledRules rules = Fixtures.projectRules();

        assertThat(rules.revision()).hasSize(12);
        assertThat(rules.files()).extracting(RuleFile::name).contains("cvs.drl");
        assertThat(rules.files()).extracting(RuleFile::loadedAt).containsOnly(NOW);
    }

    @Test
    void aSyntaxErrorNamesTheFileAndTheLine() {
        List<String> problems = problemsWith("broken.drl", """

                rule "missing a parenthesis"
                when
                    ScoringInput(oldestOverdueDays > 3
                then
                end
                """);

        // the parenthesis is missing on line 7; the parser finds out at "then", on line 8
        assertThat(problems).singleElement().asString()
                .startsWith("rules/broken.drl:8: ")
                .contains("mismatched input 'then' in rule \"missing a parenthesis\"");
    }

    @Test
    void aJavaErrorInThenIsReportedAtTheRulesFirstLine() {
        List<String> problems = problemsWith("bad-then.drl", """

                rule "assigns a string to an int"
                when
                    ScoringInput($id : clientId)
                then
                    int x = "not a number";
                end
                """);

        assertThat(problems).singleElement().asString()
                .startsWith("rules/bad-then.drl:5: ")
                .contains("cannot convert from String to int");
    }

    @Test
    void aFolderWithoutRuleFilesIsAProblem() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("rules"));

        assertThat(failureOf(empty).problems()).singleElement().asString().startsWith("rules:1: no rule files");
    }

    @Test
    void theRevisionFollowsTheFilesContent() throws Exception {
        Path rules = Fixtures.copyOfRules(tmp);
        RuleCompiler compiler = new RuleCompiler(CLOCK);
        String before = compiler.compile(rules).revision();

        assertThat(compiler.compile(rules).revision()).isEqualTo(before)
                .isEqualTo(Fixtures.projectRules().revision());
        write(rules.resolve("cvs.drl"), Files.readString(rules.resolve("cvs.drl")) + "\n// a comment\n");
        assertThat(compiler.compile(rules).revision()).isNotEqualTo(before);
    }
}
