package dev.pixelstep.local.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code Content-Disposition: attachment} values that are safe whatever the file name holds. */
final class ContentDisposition {

    private ContentDisposition() {
    }

    /** An attachment with an ASCII fallback name and the exact name in RFC 5987 form. */
    static String attachment(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        String exact = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + exact;
    }
}
