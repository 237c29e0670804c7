package org.openissuer.mdoc.entity;

/**
 * Data that does not fit its element's type, or a mandatory element without data. The message
 * names the element ("namespace/element") and what is wrong, never the value: values are
 * personal data and messages end up in logs and error responses.
 */
public class ElementValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String element;

    public ElementValueException(MdocElement element, String problem) {
        this(element.path(), problem);
    }

    public ElementValueException(String element, String problem) {
        super(element + ": " + problem);
        this.element = element;
    }

    /** "namespace/element" (or the namespace alone when its data is not an object). */
    public String element() {
        return element;
    }
}
