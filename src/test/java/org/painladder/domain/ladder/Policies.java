package org.painladder.domain.ladder;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** The default policy with one §6.2 parameter changed, by its component name. */
final class Policies {

    private Policies() {
    }

    static LadderPolicy with(String parameter, Object value) {
        return with(LadderPolicy.defaults(), parameter, value);
    }

    static LadderPolicy with(LadderPolicy base, String parameter, Object value) {
        RecordComponent[] components = LadderPolicy.class.getRecordComponents();
        Object[] values = new Object[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                boolean target = components[i].getName().equals(parameter);
                found |= target;
                values[i] = target ? value : components[i].getAccessor().invoke(base);
            }
            if (!found) {
                throw new IllegalArgumentException("no policy parameter " + parameter);
            }
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<LadderPolicy> canonical = LadderPolicy.class.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException("cannot build policy with " + parameter + "=" + value, cause);
        }
    }
}
