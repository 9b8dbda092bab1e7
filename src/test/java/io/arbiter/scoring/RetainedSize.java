package io.arbiter.scoring;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Measures the heap an object keeps reachable, by walking its instance fields and arrays with
 * reflection (object headers 16 bytes, references 8, to err on the large side). It refuses objects
 * of classes outside this package other than boxes and strings, so a collection hidden in a
 * measured object fails the measurement instead of being missed.
 */
final class RetainedSize {

    private RetainedSize() {
    }

    static long of(Object root) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(root);
        long bytes = 0;
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (!seen.add(o)) {
                continue;
            }
            Class<?> type = o.getClass();
            if (type.isArray()) {
                bytes += 16 + (long) Array.getLength(o) * elementBytes(type.getComponentType());
                if (!type.getComponentType().isPrimitive()) {
                    for (int i = 0; i < Array.getLength(o); i++) {
                        pushIfPresent(todo, Array.get(o, i));
                    }
                }
            } else if (o instanceof String s) {
                bytes += 40 + s.length();
            } else if (o instanceof Number || o instanceof Boolean || o instanceof Character) {
                bytes += 16;
            } else {
                bytes += 16 + fields(o, todo);
            }
        }
        return bytes;
    }

    private static long fields(Object o, Deque<Object> todo) {
        Class<?> type = o.getClass();
        if (!type.getPackageName().equals(RetainedSize.class.getPackageName())) {
            throw new IllegalStateException("cannot measure a " + type.getName() + " inside the measured object");
        }
        long bytes = 0;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                bytes += elementBytes(field.getType());
                if (!field.getType().isPrimitive()) {
                    field.setAccessible(true);
                    try {
                        pushIfPresent(todo, field.get(o));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return bytes;
    }

    private static void pushIfPresent(Deque<Object> todo, Object value) {
        if (value != null) {
            todo.push(value);
        }
    }

    private static long elementBytes(Class<?> type) {
        if (type == long.class || type == double.class || !type.isPrimitive()) {
            return 8;
        }
        if (type == int.class || type == float.class) {
            return 4;
        }
        return type == short.class || type == char.class ? 2 : 1;
    }
}
