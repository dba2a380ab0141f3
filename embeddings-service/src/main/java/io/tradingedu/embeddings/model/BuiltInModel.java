package io.tradingedu.embeddings.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The models that ship on the classpath (inside langchain4j's model jars, which this service uses for their files only).
 * Both are ONNX exports of sentence-transformers/all-MiniLM-L6-v2 with the same tokenizer; "-q" is its int8
 * dynamically quantised variant.
 */
enum BuiltInModel {
    MINILM_L6_V2("all-minilm-l6-v2"),
    MINILM_L6_V2_Q("all-minilm-l6-v2-q");

    private final String modelName;

    BuiltInModel(String modelName) {
        this.modelName = modelName;
    }

    String modelName() {
        return modelName;
    }

    String onnxResource() {
        return modelName + ".onnx";
    }

    String tokenizerResource() {
        return modelName + "-tokenizer.json";
    }

    static Optional<BuiltInModel> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.modelName.equals(name)).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(BuiltInModel::modelName).collect(Collectors.joining(", "));
    }
}
