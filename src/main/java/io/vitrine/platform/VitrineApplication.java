package io.vitrine.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** The REST API, under {@code /api/v1}. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Vitrine",
            version = "1",
            description =
                "Product information management: the catalog schema (locales, currencies, channels, measurement families, "
                    + "attribute groups, attributes and their options, families, category trees) and products whose values "
                    + "are checked against it. Errors are RFC 9457 application/problem+json; lists are cursor-paginated; "
                    + "ETag is a resource's version and If-Match is honoured.",
            license =
                @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")))
public class VitrineApplication extends Application {}
