package org.openissuer.testsupport;

import java.lang.annotation.Annotation;
import java.util.Iterator;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;

/** A CDI {@link Instance} over fixed beans, for a constructor that iterates its alternatives. */
public final class Instances<T> implements Instance<T> {

    private final List<T> beans;

    private Instances(List<T> beans) {
        this.beans = beans;
    }

    @SafeVarargs
    public static <T> Instance<T> of(T... beans) {
        return new Instances<>(List.of(beans));
    }

    @Override
    public Iterator<T> iterator() {
        return beans.iterator();
    }

    @Override
    public T get() {
        if (beans.size() != 1) {
            throw new IllegalStateException(beans.size() + " beans");
        }
        return beans.get(0);
    }

    @Override
    public boolean isUnsatisfied() {
        return beans.isEmpty();
    }

    @Override
    public boolean isAmbiguous() {
        return beans.size() > 1;
    }

    @Override
    public Instance<T> select(Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends T> Instance<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends T> Instance<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void destroy(T instance) {
        // the beans belong to the test
    }

    @Override
    public Handle<T> getHandle() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<? extends Handle<T>> handles() {
        throw new UnsupportedOperationException();
    }
}
