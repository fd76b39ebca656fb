package dev.memoria.ports.model;

import java.util.List;

/**
 * One page of the user directory, sorted by user id.
 *
 * @param userIds    at most the requested number of ids, all greater than the request's cursor
 * @param nextCursor the last id of a full page (pass it back for the next one), or null when this page is the last
 */
public record UserPage(List<String> userIds, String nextCursor) {

    public UserPage {
        userIds = List.copyOf(userIds);
    }
}
