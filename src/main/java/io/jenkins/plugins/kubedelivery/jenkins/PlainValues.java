package io.jenkins.plugins.kubedelivery.jenkins;

import io.jenkins.plugins.kubedelivery.engine.SecretMask;
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
        return copyEntries(parameter, map, PlainValues::copyValue);
    }

    /** The one walk of a Pipeline map: string keys only, each value converted by {@code convert(parameter, key, value)}. */
    private static <V> LinkedHashMap<String, V> copyEntries(String parameter, Map<?, ?> map, ValueConversion<V> convert) {
        LinkedHashMap<String, V> copy = new LinkedHashMap<>();
        if (map == null) {
            return copy;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof CharSequence key)) {
                throw new ValidationException(parameter, "keys must be strings, not " + typeOf(entry.getKey()));
            }
            copy.put(key.toString(), convert.apply(parameter, key.toString(), entry.getValue()));
        }
        return copy;
    }

    @FunctionalInterface
    private interface ValueConversion<V> {
        V apply(String parameter, String key, Object value);
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
                throw new ValidationException(parameter + "[" + copy.size() + "]", "is a " + typeOf(element)
                        + "; give a list of strings");
            }
            copy.add(text.toString());
        }
        return copy;
    }

    /**
     * Secret values: dotted keys to text. Only text (a String or a GString), so that what the mask
     * hides is exactly what the chart receives; anything else is refused naming the key, never the value.
     */
    public static LinkedHashMap<String, String> copySecretMap(String parameter, Map<?, ?> map) {
        return copyEntries(parameter, map, PlainValues::secretText);
    }

    private static String secretText(String parameter, String key, Object value) {
        if (!(value instanceof CharSequence text)) {
            throw new ValidationException(parameter, "'" + key + "' holds " + (value == null ? "null" : "a " + typeOf(value))
                    + "; a secret value is a string (quote it, or put non-secret data in values)");
        }
        return text.toString();
    }

    /** The keys of a secret map with every value shown as {@link SecretMask#HIDDEN}; {@code null} for none. */
    public static LinkedHashMap<String, Object> maskedValues(Map<?, ?> secrets) {
        if (secrets == null) {
            return null;
        }
        LinkedHashMap<String, Object> masked = new LinkedHashMap<>();
        secrets.keySet().forEach(key -> masked.put(String.valueOf(key), SecretMask.HIDDEN));
        return masked;
    }

    /**
     * A map of names to short texts (quotas, labels, annotations), where a Pipeline may well write
     * {@code pods: 20} for {@code pods: '20'}: strings, numbers and booleans become their text;
     * null and nested values are refused, naming the key.
     */
    public static LinkedHashMap<String, String> copyTextMap(String parameter, Map<?, ?> map) {
        return copyEntries(parameter, map, PlainValues::text);
    }

    private static String text(String parameter, String key, Object value) {
        if (value instanceof CharSequence || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        throw new ValidationException(parameter, "'" + key + "' holds " + (value == null ? "null" : "a " + typeOf(value))
                + "; give a string such as '8Gi', or a whole number");
    }

    /**
     * Ids such as pull request numbers, which a Pipeline may give as strings or as whole numbers
     * ({@code [41, '42']}); each becomes its text. Null elements and other types are refused.
     *
     * @return the copy, or {@code null} when the list was not given at all
     */
    public static ArrayList<String> copyIds(String parameter, List<?> list) {
        if (list == null) {
            return null;
        }
        ArrayList<String> copy = new ArrayList<>(list.size());
        for (Object element : list) {
            boolean wholeNumber = element instanceof Integer || element instanceof Long || element instanceof Short
                    || element instanceof BigInteger;
            if (!(element instanceof CharSequence) && !wholeNumber) {
                throw new ValidationException(parameter + "[" + copy.size() + "]", "is " + (element == null ? "null" : "a "
                        + typeOf(element)) + "; give numbers or strings, e.g. [41, 42]");
            }
            copy.add(String.valueOf(element));
        }
        return copy;
    }
}
