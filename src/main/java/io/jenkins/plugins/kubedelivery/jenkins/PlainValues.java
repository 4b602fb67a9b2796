package io.jenkins.plugins.kubedelivery.jenkins;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a map given by a Pipeline (which may hold Groovy strings and Groovy's own collections)
 * into plain JDK values: String, Boolean, Integer, Long, BigInteger, Double, BigDecimal, null, and
 * LinkedHashMap / ArrayList of those. The copy is Serializable and means the same to the engine
 * on every Groovy version; anything else is refused, naming the parameter and the key.
 */
public final class PlainValues {
    private PlainValues() {}

    public static LinkedHashMap<String, Object> copyMap(String parameter, Map<?, ?> map) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        if (map == null) {
            return copy;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof CharSequence key)) {
                throw new ValidationException(parameter, "keys must be strings, not " + typeOf(entry.getKey()));
            }
            copy.put(key.toString(), copyValue(parameter, key.toString(), entry.getValue()));
        }
        return copy;
    }

    private static Object copyValue(String parameter, String key, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof BigInteger || value instanceof Double
                || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Map<?, ?> nested) {
            return copyMap(parameter + "." + key, nested);
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(copyValue(parameter, key, element));
            }
            return copy;
        }
        throw new ValidationException(parameter, "'" + key + "' holds a " + typeOf(value)
                + "; use strings, numbers, booleans, lists and maps");
    }

    private static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    /** A list of strings given by a Pipeline, copied; null elements are refused. */
    public static ArrayList<String> copyStrings(String parameter, List<?> list) {
        ArrayList<String> copy = new ArrayList<>();
        if (list == null) {
            return copy;
        }
        for (Object element : list) {
            if (!(element instanceof CharSequence text)) {
                throw new ValidationException(parameter, "holds a " + typeOf(element) + "; give a list of paths (strings)");
            }
            copy.add(text.toString());
        }
        return copy;
    }
}
