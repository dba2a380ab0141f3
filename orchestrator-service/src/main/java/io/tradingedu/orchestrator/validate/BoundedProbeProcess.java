package io.tradingedu.orchestrator.validate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.bramp.ffmpeg.ProcessFunction;

/**
 * Starts ffprobe for ffmpeg-cli-wrapper with the safe input options and a deadline: the wrapper reads the JSON on
 * stdout and waits without a limit, so the process is killed when the deadline passes (the wrapper then sees a failed
 * probe). stderr is discarded ({@code -v error} keeps it short anyway), so no pipe can fill up unread.
 */
final class BoundedProbeProcess implements ProcessFunction {

    private final Duration timeout;

    BoundedProbeProcess(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Process run(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(args);
        command.addAll(1, SafeInputs.INPUT_OPTIONS);
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        });
        return process;
    }
}
