package io.arbiter.policy;

import java.util.List;

/**
 * Rule files that could not be compiled (or read), with every problem Drools reported, each as
 * {@code file:line: message} where {@code file} is the rules folder's name and the file's name,
 * such as {@code rules/cvs.drl:12: …}. A syntax error may hide problems further on.
 */
public final class RuleCompilationException extends Exception {

    private final transient List<String> problems;

    RuleCompilationException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, as {@code file:line: message}. */
    public List<String> problems() {
        return problems;
    }
}
