package io.tradingedu.embeddings.model;

import ai.djl.engine.Engine;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** DJL engine set-up: offline, the named engine present, and the ONNX Runtime session tuned for shared CPUs. */
final class OfflineEngines {

    static final String OFFLINE = "ai.djl.offline";
    private static final Logger log = LoggerFactory.getLogger(OfflineEngines.class);

    private OfflineEngines() {
    }

    /**
     * Makes DJL offline unless the operator decided otherwise, then starts the engine. Without this, DJL tries to
     * download a missing engine's native library at startup; here the native libraries come from Maven jars.
     */
    static void prepare(String engine) {
        if (System.getProperty(OFFLINE) == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty(OFFLINE, "true");
        }
        if (!Engine.hasEngine(engine)) {
            throw new IllegalStateException("DJL engine " + engine + " (EMBEDDING_ENGINE) is not on the classpath;"
                    + " engines present: " + Engine.getAllEngines() + ". PyTorch needs ai.djl.pytorch:pytorch-engine,"
                    + " pytorch-native-cpu (classifier linux-x86_64) and pytorch-jni");
        }
        // Starting the engine creates ONNX Runtime's process-wide environment the DJL way; anything else that
        // creates it first (langchain4j's runner) would make DJL fail with "OrtEnvironment already exists".
        Engine.getEngine(engine);
    }

    /**
     * ONNX Runtime session options: {@code intraOpThreads} per inference, no inter-op parallelism (BERT is one chain
     * of operators), and idle threads that sleep instead of spinning, because this process shares its cores with
     * ffmpeg and speech recognition. Returns what must be closed with the model, or null for other engines.
     */
    static AutoCloseable sessionOptions(EmbeddingModelProperties properties, Map<String, Object> modelOptions) {
        if (!EmbeddingModelProperties.ONNX_RUNTIME.equals(properties.engine())) {
            return null;
        }
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setIntraOpNumThreads(properties.intraOpThreads());
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
        } catch (OrtException e) {
            options.close();
            throw new IllegalStateException("invalid ONNX Runtime session options: " + e.getMessage(), e);
        }
        modelOptions.put("sessionOptions", options);
        return options;
    }

    static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            log.warn("could not close {}: {}", resource, e.getMessage());
        }
    }
}
