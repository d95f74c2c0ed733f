package org.painladder.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/**
 * Answers for records read with live figures (a patient, a refractory case): tagged by the body they carry, and
 * 304 Not Modified when the client's If-None-Match names that tag, its copy being the current one.
 */
@ApplicationScoped
public class TaggedReads {

    /**
     * If-None-Match is an HTTP header every client may send; it is described on the 304 rather than declared as a
     * parameter, which would add an argument to the read methods of clients generated from the published contract.
     */
    public static final String NOT_MODIFIED_DESCRIPTION = "The request's If-None-Match names the current ETag: the copy"
            + " held is current, no body";

    private final ObjectMapper objectMapper;

    TaggedReads(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The ETag of an answer carrying {@code body} for the record at {@code version}. */
    public EntityTag tag(long version, Object body) {
        try {
            return ETags.ofRepresentation(version, objectMapper.writeValueAsBytes(body));
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("An answer body could not be written as JSON", unwritable);
        }
    }

    /** 200 with the body and its ETag, or 304 with the ETag alone when {@code ifNoneMatch} names it. */
    public Response read(long version, Object body, String ifNoneMatch) {
        EntityTag tag = tag(version, body);
        if (ETags.ifNoneMatchNames(ifNoneMatch, tag)) {
            return Response.notModified(tag).build();
        }
        return Response.ok(body).tag(tag).build();
    }
}
