package org.painladder.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which methods each path of the resources takes, for the Allow header that a 405 must carry and an OPTIONS answers
 * (RFC 9110 §10.2.1, §15.5.6). The JAX-RS layer knows only the class it routed to, so it answered 404 to a DELETE on a
 * path whose methods sit in another class, and OPTIONS with the methods of neighbouring paths. Read once from the
 * resource classes' annotations; consulted only for OPTIONS and refusals, never on the way to a resource.
 */
@ApplicationScoped
public class ResourceMethods {

    /** The first path segments served by the resources; other paths (/q/health, static files) are someone else's. */
    private static final List<String> ROOTS = List.of("/api/", "/fhir/", "/cds-services", "/ui");

    private record Template(String path, Pattern pattern, int literalChars, Set<String> methods) {
    }

    /** The template a path matched ({@code /api/v1/patients/{id}}) and the methods it takes, in Allow order. */
    public record Allowed(String template, Set<String> methods) {
        /** The Allow header's value. */
        public String header() {
            return String.join(", ", methods);
        }
    }

    private final List<Template> templates;

    ResourceMethods(BeanManager beans) {
        Map<String, Set<String>> methodsByPath = new LinkedHashMap<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Path classPath = bean.getBeanClass().getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : bean.getBeanClass().getMethods()) {
                Optional<String> httpMethod = httpMethodOf(method);
                if (httpMethod.isPresent()) {
                    Path methodPath = method.getAnnotation(Path.class);
                    String path = joined(classPath.value(), methodPath == null ? "" : methodPath.value());
                    methodsByPath.computeIfAbsent(path, ignored -> new TreeSet<>()).add(httpMethod.get());
                }
            }
        }
        List<Template> read = new ArrayList<>();
        methodsByPath.forEach((path, methods) -> {
            if (methods.contains("GET")) {
                methods.add("HEAD");
            }
            methods.add("OPTIONS");
            read.add(new Template(path, pattern(path), path.replaceAll("\\{[^}]*}", "").length(),
                    Collections.unmodifiableSet(methods)));
        });
        this.templates = List.copyOf(read);
    }

    /** Whether the path lies where the resources answer, so a path no template matches is theirs to call unknown. */
    public static boolean isResourcePath(String path) {
        return ROOTS.stream().anyMatch(path::startsWith);
    }

    /**
     * The template the path matches and the methods it takes, or empty when no resource serves it. Where several
     * templates match, the one with the most literal characters wins, as JAX-RS routes.
     */
    public Optional<Allowed> allowedAt(String path) {
        Template best = null;
        for (Template template : templates) {
            if (template.pattern().matcher(path).matches()
                    && (best == null || template.literalChars() > best.literalChars())) {
                best = template;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Allowed(best.path(), best.methods()));
    }

    private static Optional<String> httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return Optional.of(httpMethod.value());
            }
        }
        return Optional.empty();
    }

    private static String joined(String classPath, String methodPath) {
        String path = "/" + classPath + "/" + methodPath;
        path = path.replaceAll("/{2,}", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** A JAX-RS path template as a pattern: {name} is one segment, {name: regex} its own regex; a final '/' is optional. */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(at)));
                break;
            }
            if (open > at) {
                regex.append(Pattern.quote(template.substring(at, open)));
            }
            int close = closingBrace(template, open);
            String variable = template.substring(open + 1, close);
            int colon = variable.indexOf(':');
            regex.append(colon < 0 ? "[^/]+" : "(?:" + variable.substring(colon + 1).trim() + ")");
            at = close + 1;
        }
        return Pattern.compile(regex + "/?");
    }

    /** The brace closing the variable opened at {@code open}; a variable's regex may hold braces of its own. */
    private static int closingBrace(String template, int open) {
        int depth = 0;
        for (int at = open; at < template.length(); at++) {
            char c = template.charAt(at);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return at;
            }
        }
        throw new IllegalArgumentException("Unbalanced braces in the path template " + template);
    }
}
