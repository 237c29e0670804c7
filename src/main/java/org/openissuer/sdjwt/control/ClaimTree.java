package org.openissuer.sdjwt.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openissuer.configuration.ClaimDefinition;
import org.openissuer.configuration.ClaimDefinition.NullSegment;

/**
 * A configuration's claim definitions as a tree of path segments, so that subject data can be
 * walked once: a node's children are what may appear inside the value found at that node.
 */
final class ClaimTree {

    // RFC 7519 §4.1, SD-JWT VC §3.2.2: set by the issuer, never taken from subject data nor disclosable
    static final Set<String> REGISTERED = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "cnf", "vct",
            "vct#integrity", "status", "_sd_alg");
    // RFC 9901 §4.2.4: these names carry digests; as claim names they would be read as digests
    static final Set<String> DIGEST_NAMES = Set.of("_sd", "...");

    private final Node root = new Node();

    private ClaimTree() {
    }

    /**
     * Refuses (IllegalArgumentException) bad paths and registered names; the configuration parser refuses
     * them too, except sub, aud and jti, which it still accepts as claim names.
     */
    static ClaimTree of(List<ClaimDefinition> claims) {
        ClaimTree tree = new ClaimTree();
        for (ClaimDefinition claim : claims) {
            List<Object> path = claim.path();
            if (path.isEmpty() || !(path.get(0) instanceof String first)) {
                throw new IllegalArgumentException("claim path " + path + " must start with a claim name");
            }
            if (REGISTERED.contains(first)) {
                throw new IllegalArgumentException("claim path " + path + " names a claim the issuer sets itself");
            }
            Node node = tree.root;
            for (Object segment : path) {
                if (segment instanceof String name && DIGEST_NAMES.contains(name)) {
                    throw new IllegalArgumentException("claim path " + path + " uses the reserved name " + name);
                }
                if (!(segment instanceof String || segment instanceof Integer || segment == NullSegment.ALL)) {
                    throw new IllegalArgumentException("claim path " + path + " has an unknown segment " + segment);
                }
                node = node.children.computeIfAbsent(segment, s -> new Node());
            }
            node.definition = claim;
        }
        return tree;
    }

    Node root() {
        return root;
    }

    /** The claim's path as recorded about an issuance: {@code address.locality}, {@code nationalities[]}, {@code a[0]}. */
    static String label(ClaimDefinition claim) {
        StringBuilder label = new StringBuilder();
        for (Object segment : claim.path()) {
            if (segment instanceof String name) {
                label.append(label.length() == 0 ? "" : ".").append(name);
            } else if (segment instanceof Integer index) {
                label.append('[').append(index).append(']');
            } else {
                label.append("[]");
            }
        }
        return label.toString();
    }

    static final class Node {
        private ClaimDefinition definition; // null for a parent no definition names (the parser forbids that)
        private final Map<Object, Node> children = new LinkedHashMap<>();

        private Node() {
        }

        ClaimDefinition definition() {
            return definition;
        }

        boolean selectivelyDisclosable() {
            return definition != null && definition.selectivelyDisclosable();
        }

        boolean hasChildren() {
            return !children.isEmpty();
        }

        Map<Object, Node> children() {
            return children;
        }

        /** The node for an array element: its own index if configured, else "all elements". */
        Node element(int index) {
            Node specific = children.get(index);
            return specific != null ? specific : children.get(NullSegment.ALL);
        }
    }
}
