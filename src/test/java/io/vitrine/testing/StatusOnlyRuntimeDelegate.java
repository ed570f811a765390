package io.vitrine.testing;

import jakarta.ws.rs.SeBootstrap;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.Variant;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Just enough of a JAX-RS runtime for unit tests: {@code WebApplicationException} (and so {@code
 * ProblemException}) builds a {@code Response} to hold its status, which needs a {@link
 * RuntimeDelegate}; outside the server there is none. Responses built here know only their status,
 * and of the header classes only {@link EntityTag} can be written.
 */
public final class StatusOnlyRuntimeDelegate extends RuntimeDelegate {

  /** Installs this delegate unless a real JAX-RS runtime is on the class path. */
  public static synchronized void install() {
    try {
      RuntimeDelegate.getInstance();
    } catch (RuntimeException none) {
      RuntimeDelegate.setInstance(new StatusOnlyRuntimeDelegate());
    }
  }

  private StatusOnlyRuntimeDelegate() {}

  @Override
  public Response.ResponseBuilder createResponseBuilder() {
    return new Builder();
  }

  @Override
  public UriBuilder createUriBuilder() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Variant.VariantListBuilder createVariantListBuilder() {
    throw new UnsupportedOperationException();
  }

  @Override
  public <T> T createEndpoint(Application application, Class<T> endpointType) {
    throw new UnsupportedOperationException();
  }

  /** Header classes ask for their delegate when they load; only entity tags can be written here. */
  @Override
  public <T> HeaderDelegate<T> createHeaderDelegate(Class<T> type) {
    return new HeaderDelegate<>() {
      @Override
      public T fromString(String value) {
        throw new UnsupportedOperationException("parsing " + type.getSimpleName());
      }

      @Override
      public String toString(T value) {
        if (value instanceof EntityTag tag) {
          return (tag.isWeak() ? "W/" : "") + '"' + tag.getValue() + '"';
        }
        throw new UnsupportedOperationException("writing " + type.getSimpleName());
      }
    };
  }

  @Override
  public Link.Builder createLinkBuilder() {
    throw new UnsupportedOperationException();
  }

  @Override
  public SeBootstrap.Configuration.Builder createConfigurationBuilder() {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletionStage<SeBootstrap.Instance> bootstrap(
      Application application, SeBootstrap.Configuration configuration) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletionStage<SeBootstrap.Instance> bootstrap(
      Class<? extends Application> clazz, SeBootstrap.Configuration configuration) {
    throw new UnsupportedOperationException();
  }

  @Override
  public EntityPart.Builder createEntityPartBuilder(String partName) {
    throw new UnsupportedOperationException();
  }

  private static final class Builder extends Response.ResponseBuilder {
    private int status = 200;

    @Override
    public Response build() {
      return new StatusResponse(status);
    }

    @Override
    public Response.ResponseBuilder clone() {
      var copy = new Builder();
      copy.status = status;
      return copy;
    }

    @Override
    public Response.ResponseBuilder status(int status) {
      this.status = status;
      return this;
    }

    @Override
    public Response.ResponseBuilder status(int status, String reasonPhrase) {
      return status(status);
    }

    @Override
    public Response.ResponseBuilder entity(Object entity) {
      return this;
    }

    @Override
    public Response.ResponseBuilder entity(Object entity, Annotation[] annotations) {
      return this;
    }

    @Override
    public Response.ResponseBuilder allow(String... methods) {
      return this;
    }

    @Override
    public Response.ResponseBuilder allow(Set<String> methods) {
      return this;
    }

    @Override
    public Response.ResponseBuilder cacheControl(CacheControl cacheControl) {
      return this;
    }

    @Override
    public Response.ResponseBuilder encoding(String encoding) {
      return this;
    }

    @Override
    public Response.ResponseBuilder header(String name, Object value) {
      return this;
    }

    @Override
    public Response.ResponseBuilder replaceAll(MultivaluedMap<String, Object> headers) {
      return this;
    }

    @Override
    public Response.ResponseBuilder language(String language) {
      return this;
    }

    @Override
    public Response.ResponseBuilder language(Locale language) {
      return this;
    }

    @Override
    public Response.ResponseBuilder type(MediaType type) {
      return this;
    }

    @Override
    public Response.ResponseBuilder type(String type) {
      return this;
    }

    @Override
    public Response.ResponseBuilder variant(Variant variant) {
      return this;
    }

    @Override
    public Response.ResponseBuilder contentLocation(URI location) {
      return this;
    }

    @Override
    public Response.ResponseBuilder cookie(NewCookie... cookies) {
      return this;
    }

    @Override
    public Response.ResponseBuilder expires(Date expires) {
      return this;
    }

    @Override
    public Response.ResponseBuilder lastModified(Date lastModified) {
      return this;
    }

    @Override
    public Response.ResponseBuilder location(URI location) {
      return this;
    }

    @Override
    public Response.ResponseBuilder tag(EntityTag tag) {
      return this;
    }

    @Override
    public Response.ResponseBuilder tag(String tag) {
      return this;
    }

    @Override
    public Response.ResponseBuilder variants(Variant... variants) {
      return this;
    }

    @Override
    public Response.ResponseBuilder variants(List<Variant> variants) {
      return this;
    }

    @Override
    public Response.ResponseBuilder links(Link... links) {
      return this;
    }

    @Override
    public Response.ResponseBuilder link(URI uri, String rel) {
      return this;
    }

    @Override
    public Response.ResponseBuilder link(String uri, String rel) {
      return this;
    }
  }

  private static final class StatusResponse extends Response {
    private final int status;

    StatusResponse(int status) {
      this.status = status;
    }

    @Override
    public int getStatus() {
      return status;
    }

    @Override
    public StatusType getStatusInfo() {
      Status known = Status.fromStatusCode(status);
      return known != null
          ? known
          : new StatusType() {
            @Override
            public int getStatusCode() {
              return status;
            }

            @Override
            public Status.Family getFamily() {
              return Status.Family.familyOf(status);
            }

            @Override
            public String getReasonPhrase() {
              return "";
            }
          };
    }

    @Override
    public Object getEntity() {
      return null;
    }

    @Override
    public <T> T readEntity(Class<T> entityType) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> T readEntity(GenericType<T> entityType) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> T readEntity(Class<T> entityType, Annotation[] annotations) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> T readEntity(GenericType<T> entityType, Annotation[] annotations) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean hasEntity() {
      return false;
    }

    @Override
    public boolean bufferEntity() {
      return false;
    }

    @Override
    public void close() {}

    @Override
    public MediaType getMediaType() {
      return null;
    }

    @Override
    public Locale getLanguage() {
      return null;
    }

    @Override
    public int getLength() {
      return -1;
    }

    @Override
    public Set<String> getAllowedMethods() {
      return Set.of();
    }

    @Override
    public Map<String, NewCookie> getCookies() {
      return Map.of();
    }

    @Override
    public EntityTag getEntityTag() {
      return null;
    }

    @Override
    public Date getDate() {
      return null;
    }

    @Override
    public Date getLastModified() {
      return null;
    }

    @Override
    public URI getLocation() {
      return null;
    }

    @Override
    public Set<Link> getLinks() {
      return Set.of();
    }

    @Override
    public boolean hasLink(String relation) {
      return false;
    }

    @Override
    public Link getLink(String relation) {
      return null;
    }

    @Override
    public Link.Builder getLinkBuilder(String relation) {
      return null;
    }

    @Override
    public MultivaluedMap<String, Object> getMetadata() {
      throw new UnsupportedOperationException();
    }

    @Override
    public MultivaluedMap<String, String> getStringHeaders() {
      throw new UnsupportedOperationException();
    }

    @Override
    public String getHeaderString(String name) {
      return null;
    }
  }
}
