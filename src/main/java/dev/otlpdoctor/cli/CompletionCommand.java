package dev.otlpdoctor.cli;

import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code otlpdoctor completion bash|zsh|fish}: prints a shell completion script for the whole command tree. */
@Command(name = "completion",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Print a shell completion script for bash, zsh or fish.",
        footerHeading = "%nInstall:%n",
        footer = {
            "  bash: source <(otlpdoctor completion bash)      # add to ~/.bashrc",
            "  zsh:  source <(otlpdoctor completion zsh)       # add to ~/.zshrc, after compinit",
            "  fish: otlpdoctor completion fish > ~/.config/fish/completions/otlpdoctor.fish"})
public final class CompletionCommand implements Callable<Integer> {
    /**
     * The zsh script is picocli's bash script, which under zsh loads zsh's emulation of bash completion
     * (bashcompinit). That needs zsh's completion system, which belongs to the user's ~/.zshrc: frameworks
     * such as oh-my-zsh run {@code compinit} once, and a second run costs start-up time and can drop their
     * settings. So the zsh script checks that it is loaded instead of running it ...
     */
    static final String ZSH_PRELUDE = String.join("\n",
            "# zsh completion for otlpdoctor: the bash completion below, through zsh's bashcompinit.",
            "# It needs zsh's completion system: run 'autoload -Uz compinit && compinit' in ~/.zshrc before it.",
            "if (( ! $+functions[compdef] )); then",
            "  print -u2 \"otlpdoctor completion: zsh's completion system is not loaded;"
                    + " run 'autoload -Uz compinit && compinit' first\"",
            "  return 1",
            "fi",
            "");
    /** ... and leaves out the bash script's own fallback that runs it. */
    private static final Pattern BASH_SCRIPT_COMPINIT = Pattern.compile(
            "(?m)^[ \\t]*if ! type compdef > /dev/null; then\\n[ \\t]*autoload -U \\+X compinit && compinit\\n[ \\t]*fi\\n");

    /** Shells a script can be generated for. */
    enum Shell { BASH, ZSH, FISH }

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.",
            completionCandidates = CompletionValues.Shells.class)
    private Shell shell;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        String script = switch (shell) {
            case FISH -> FishCompletion.script(spec.root());
            case ZSH -> ZSH_PRELUDE + BASH_SCRIPT_COMPINIT.matcher(AutoComplete.bash("otlpdoctor", spec.root().commandLine()))
                    .replaceFirst("");
            default -> AutoComplete.bash("otlpdoctor", spec.root().commandLine());
        };
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
