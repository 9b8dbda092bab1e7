package io.arbiter.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code arbiter VERB [options]}: the command line of API.md. */
@Command(name = "arbiter", mixinStandardHelpOptions = true, version = "Arbiter 0.1.0",
        description = "Policy service for dynamic resource prioritisation by client value.",
        subcommands = {ServeCommand.class, StoreCommand.class, ValidateCommand.class, TestCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("arbiter: " + e.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
