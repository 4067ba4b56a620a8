package org.community.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The part of Kustomize these descriptors use, so the tests need no kustomize binary: resources (files and
 * directories), configMapGenerator from files (without name hash), namespace, images (newName/newTag),
 * labels (metadata only) and strategic-merge patches, including {@code $patch: delete}. A patch whose target
 * (kind and name) is not among the resources fails the rendering, as {@code kustomize build} does.
 */
final class Kustomize {

    /** Kinds that are not namespaced among those used here. */
    private static final Set<String> CLUSTER_KINDS = Set.of("Namespace");

    private Kustomize() {
    }

    static List<Map<String, Object>> build(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("no kustomization.yaml in " + directory);
        }
        Map<String, Object> kustomization = Yaml.document(file);
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object entry : Yaml.list(kustomization, "resources")) {
            Path path = directory.resolve(String.valueOf(entry)).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(build(path));
            } else if (Files.isRegularFile(path)) {
                resources.addAll(Yaml.documents(path));
            } else {
                throw new AssertionError(file + " names a resource that does not exist: " + entry);
            }
        }
        for (Map<String, Object> generator : Yaml.maps(kustomization, "configMapGenerator")) {
            Map<String, Object> data = new LinkedHashMap<>();
            for (Object source : Yaml.list(generator, "files")) {
                Path path = directory.resolve(String.valueOf(source));
                if (!Files.isRegularFile(path)) {
                    throw new AssertionError(file + " generates from a missing file: " + source);
                }
                data.put(path.getFileName().toString(), Suite.read(path));
            }
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("name", generator.get("name"));
            Map<String, Object> configMap = new LinkedHashMap<>();
            configMap.put("apiVersion", "v1");
            configMap.put("kind", "ConfigMap");
            configMap.put("metadata", metadata);
            configMap.put("data", data);
            resources.add(configMap);
        }
        for (Map<String, Object> patchEntry : Yaml.maps(kustomization, "patches")) {
            Object path = patchEntry.get("path");
            if (path == null) {
                throw new AssertionError(file + ": only `path:` strategic-merge patches are supported here: " + patchEntry);
            }
            Path patchFile = directory.resolve(String.valueOf(path));
            if (!Files.isRegularFile(patchFile)) {
                throw new AssertionError(file + " names a missing patch: " + path);
            }
            for (Map<String, Object> patch : Yaml.documents(patchFile)) {
                apply(resources, patch, patchFile);
            }
        }
        for (Map<String, Object> image : Yaml.maps(kustomization, "images")) {
            setImages(resources, image);
        }
        for (Map<String, Object> label : Yaml.maps(kustomization, "labels")) {
            for (Map<String, Object> resource : resources) {
                mutableMap(mutableMap(resource, "metadata"), "labels").putAll(Yaml.map(label, "pairs"));
            }
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            for (Map<String, Object> resource : resources) {
                if (!CLUSTER_KINDS.contains(resource.get("kind"))) {
                    mutableMap(resource, "metadata").put("namespace", namespace);
                }
            }
        }
        return resources;
    }

    static Map<String, Object> find(List<Map<String, Object>> resources, String kind, String name) {
        return resources.stream()
                .filter(r -> kind.equals(r.get("kind")) && name.equals(Yaml.string(r, "metadata.name")))
                .findFirst().orElse(null);
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> resources, String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    private static void apply(List<Map<String, Object>> resources, Map<String, Object> patch, Path patchFile) {
        String kind = String.valueOf(patch.get("kind"));
        String name = Yaml.string(patch, "metadata.name");
        Map<String, Object> target = find(resources, kind, name);
        if (target == null) {
            throw new AssertionError(patchFile + " patches " + kind + "/" + name + ", which is not among the resources");
        }
        if ("delete".equals(patch.get("$patch"))) {
            resources.remove(target);
            return;
        }
        merge(target, patch);
    }

    /** Strategic merge: maps recursively, null deletes, lists of named maps by name, other lists replaced. */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> patch) {
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            Object existing = target.get(key);
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> patchMap && existing instanceof Map<?, ?> existingMap) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) existingMap);
                merge(copy, (Map<String, Object>) patchMap);
                target.put(key, copy);
            } else if (value instanceof List<?> patchList && existing instanceof List<?> existingList
                    && isNamedList(patchList) && isNamedList(existingList) && !patchList.isEmpty()) {
                List<Object> merged = new ArrayList<>(existingList);
                for (Object item : patchList) {
                    Map<String, Object> patchItem = (Map<String, Object>) item;
                    int index = indexByName(merged, patchItem.get("name"));
                    if (index < 0) {
                        merged.add(patchItem);
                    } else {
                        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) merged.get(index));
                        merge(copy, patchItem);
                        merged.set(index, copy);
                    }
                }
                target.put(key, merged);
            } else {
                target.put(key, value);
            }
        }
    }

    private static boolean isNamedList(List<?> list) {
        return list.stream().allMatch(item -> item instanceof Map<?, ?> map && map.get("name") != null);
    }

    @SuppressWarnings("unchecked")
    private static int indexByName(List<Object> list, Object name) {
        for (int i = 0; i < list.size(); i++) {
            if (Objects.equals(((Map<String, Object>) list.get(i)).get("name"), name)) {
                return i;
            }
        }
        return -1;
    }

    private static void setImages(List<Map<String, Object>> resources, Map<String, Object> image) {
        String name = String.valueOf(image.get("name"));
        for (Map<String, Object> resource : resources) {
            for (Map<String, Object> container : Yaml.maps(resource, "spec.template.spec.containers")) {
                String current = String.valueOf(container.get("image"));
                int colon = current.lastIndexOf(':');
                String repository = colon > current.lastIndexOf('/') ? current.substring(0, colon) : current;
                String tag = colon > current.lastIndexOf('/') ? current.substring(colon + 1) : null;
                if (repository.equals(name)) {
                    String newName = image.get("newName") != null ? String.valueOf(image.get("newName")) : repository;
                    String newTag = image.get("newTag") != null ? String.valueOf(image.get("newTag")) : tag;
                    container.put("image", newTag == null ? newName : newName + ":" + newTag);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mutableMap(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (!(value instanceof Map<?, ?>)) {
            value = new LinkedHashMap<String, Object>();
            parent.put(key, value);
        }
        return (Map<String, Object>) value;
    }
}
