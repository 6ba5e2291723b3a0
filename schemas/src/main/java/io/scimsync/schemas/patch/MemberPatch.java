package io.scimsync.schemas.patch;

import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.scimsync.schemas.ScimSchemas;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.resource.AttributeValues;
import io.scimsync.schemas.syntax.AttributePath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Separates the operations of a group PATCH that change {@code members} from the others, so that
 * memberships are applied one by one and a group of 100,000 members is never loaded whole.
 *
 * <p>Member operations, in both of Entra ID's dialects:
 *
 * <pre>
 * {"op": "Add",     "path": "members", "value": [{"value": "id1"}, ...]}   ADD id1, ...
 * {"op": "Replace", "path": "members", "value": [{"value": "id1"}, ...]}   REPLACE with id1, ...
 * {"op": "Remove",  "path": "members", "value": [{"value": "id1"}]}        REMOVE id1
 * {"op": "remove",  "path": "members[value eq \"id1\"]"}                   REMOVE id1
 * {"op": "Remove",  "path": "members"}                                     REMOVE_ALL
 * {"op": "replace", "value": {"members": [...], "displayName": "x"}}       REPLACE, and a
 *                                                                          replace of displayName
 * </pre>
 *
 * <p>A member is an object with a non-empty string {@code value} (the member's id); a bare string
 * is taken as the id. Replace with an empty array, {@code ""} or {@code null} gives REPLACE with
 * no ids, which removes every member.
 */
public final class MemberPatch {

    private static final String MEMBERS = "members";

    private MemberPatch() {
    }

    /**
     * The operations of a PATCH, split.
     *
     * @param others the operations that do not touch {@code members}, in request order; a
     *     path-less operation appears here without its {@code members} key
     * @param memberOps the changes of {@code members}, in request order
     */
    public record Split(List<PatchOperation> others, List<MemberOp> memberOps) {

        public Split {
            others = List.copyOf(others);
            memberOps = List.copyOf(memberOps);
        }
    }

    /**
     * One change of a group's members.
     *
     * @param memberIds the ids concerned, without duplicates, in request order; empty for
     *     REMOVE_ALL
     */
    public record MemberOp(Kind kind, List<String> memberIds) {

        /** The kind of change. */
        public enum Kind {
            /** Adds the members; adding an existing member changes nothing. */
            ADD,
            /** Removes the members; removing a non-member changes nothing. */
            REMOVE,
            /** Removes every member. */
            REMOVE_ALL,
            /** Makes the members exactly {@code memberIds}. */
            REPLACE
        }

        public MemberOp {
            memberIds = List.copyOf(memberIds);
        }
    }

    /**
     * Splits {@code operations}, as {@link PatchRequestParser#parse} returns them.
     *
     * @throws ScimException {@code invalidFilter} for a members filter other than {@code value eq},
     *     optionally joined by {@code or}; {@code invalidValue} for a member without id;
     *     {@code mutability} for a path to a member's sub-attribute; {@code invalidPath} for an
     *     add or replace on a filtered members path
     */
    public static Split split(List<PatchOperation> operations) {
        List<PatchOperation> others = new ArrayList<>();
        List<MemberOp> memberOps = new ArrayList<>();
        for (PatchOperation operation : operations) {
            if (operation.path() == null) {
                splitPathless(operation, others, memberOps);
            } else if (isMembersPath(operation.path())) {
                memberOps.add(memberOp(operation));
            } else {
                others.add(operation);
            }
        }
        return new Split(others, memberOps);
    }

    private static void splitPathless(
            PatchOperation operation, List<PatchOperation> others, List<MemberOp> memberOps) {
        JsonNode value = operation.value();
        String membersKey = value != null && value.isObject() ? membersKey(value) : null;
        if (membersKey == null) {
            others.add(operation);
            return;
        }
        memberOps.add(writeOp(operation.op(), value.get(membersKey)));
        ObjectNode rest = ((ObjectNode) value.deepCopy()).without(membersKey);
        if (!rest.isEmpty()) {
            others.add(new PatchOperation(operation.op(), null, rest));
        }
    }

    private static String membersKey(JsonNode value) {
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (isMembersPath(entry.getKey())) {
                return entry.getKey();
            }
        }
        return null;
    }

    private static boolean isMembersPath(String path) {
        AttributePath parsed;
        try {
            parsed = AttributePath.parse(path);
        } catch (ScimException e) {
            return false;
        }
        boolean groupSchema = parsed.schemaUrn() == null
                || parsed.schemaUrn().equalsIgnoreCase(ScimSchemas.GROUP);
        return groupSchema && parsed.attribute().equalsIgnoreCase(MEMBERS);
    }

    private static MemberOp memberOp(PatchOperation operation) {
        AttributePath path = AttributePath.parse(operation.path());
        if (path.subAttribute() != null) {
            throw ScimException.mutability("path '" + operation.path() + "' changes a "
                    + "sub-attribute of a member, which cannot be changed; add or remove whole "
                    + "members instead");
        }
        if (path.hasValueFilter()) {
            return filteredOp(operation, path.valueFilter());
        }
        if (operation.op() == PatchOp.REMOVE) {
            return AttributeValues.isEmpty(operation.value())
                    ? new MemberOp(MemberOp.Kind.REMOVE_ALL, List.of())
                    : new MemberOp(MemberOp.Kind.REMOVE, memberIds(operation.value()));
        }
        return writeOp(operation.op(), operation.value());
    }

    private static MemberOp writeOp(PatchOp op, JsonNode value) {
        if (op == PatchOp.ADD) {
            return new MemberOp(MemberOp.Kind.ADD, memberIds(value));
        }
        return new MemberOp(MemberOp.Kind.REPLACE, memberIds(value));
    }

    private static MemberOp filteredOp(PatchOperation operation, Filter filter) {
        if (operation.op() != PatchOp.REMOVE) {
            throw ScimException.invalidPath("path '" + operation.path() + "' cannot be used with "
                    + operation.op().wireName() + "; use the path 'members' with an array of "
                    + "members as value");
        }
        Set<String> ids = new LinkedHashSet<>();
        collectFilteredIds(filter, ids, operation.path());
        return new MemberOp(MemberOp.Kind.REMOVE, List.copyOf(ids));
    }

    private static void collectFilteredIds(Filter filter, Set<String> ids, String path) {
        if (filter.getFilterType() == FilterType.OR) {
            filter.getCombinedFilters().forEach(f -> collectFilteredIds(f, ids, path));
            return;
        }
        boolean valueEquality = filter.getFilterType() == FilterType.EQUAL
                && filter.getAttributePath().size() == 1
                && filter.getAttributePath().getSchemaUrn() == null
                && filter.getAttributePath().getElement(0).getAttribute().equalsIgnoreCase("value")
                && filter.getComparisonValue().isString()
                && !filter.getComparisonValue().asString().isEmpty();
        if (!valueEquality) {
            throw ScimException.invalidFilter("unsupported members filter in path '" + path
                    + "': members can be selected only by 'value eq \"<id>\"', optionally joined "
                    + "by 'or'");
        }
        ids.add(filter.getComparisonValue().asString());
    }

    private static List<String> memberIds(JsonNode value) {
        Set<String> ids = new LinkedHashSet<>();
        if (AttributeValues.isEmpty(value)) {
            return List.of();
        }
        for (JsonNode member : value.isArray() ? value : List.of(value)) {
            ids.add(memberId(member));
        }
        return List.copyOf(ids);
    }

    private static String memberId(JsonNode member) {
        JsonNode id = member.isString() ? member : valueOf(member);
        if (id == null || !id.isString() || id.asString().isEmpty()) {
            throw ScimException.invalidValue("every member needs a non-empty string 'value' (the "
                    + "member's id), received " + AttributeValues.jsonTypeName(member) + " "
                    + member);
        }
        return id.asString();
    }

    private static JsonNode valueOf(JsonNode member) {
        if (!member.isObject()) {
            return null;
        }
        for (Map.Entry<String, JsonNode> entry : member.properties()) {
            if (entry.getKey().equalsIgnoreCase("value")) {
                return entry.getValue();
            }
        }
        return null;
    }
}
