package io.vitrine.catalog.boundary;

import io.vitrine.catalog.CatalogEntity;
import io.vitrine.catalog.CatalogKind;
import io.vitrine.catalog.CatalogStore;
import io.vitrine.platform.http.Pages;
import io.vitrine.platform.http.Responses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The five endpoints every catalog resource has (list, get, create, patch, delete), shared by the
 * resource classes, which only name their paths and document them.
 */
@ApplicationScoped
public class CatalogEndpoints {

  @Inject CatalogStore store;

  public <E extends CatalogEntity> JsonObject list(
      CatalogKind<E> kind,
      String parent,
      UriInfo uri,
      String limit,
      String searchAfter,
      String withCount) {
    var request = Pages.request(limit, searchAfter, withCount);
    var listed = store.list(kind, parent, request, uri.getQueryParameters());
    return Pages.page(
        uri, request, listed.items(), item -> item.getString("code"), item -> item, listed.count());
  }

  public <E extends CatalogEntity> Response get(
      CatalogKind<E> kind, String parent, String code, String ifNoneMatch) {
    var found = store.get(kind, parent, code);
    return Responses.read(found.json(), found.version(), ifNoneMatch);
  }

  public <E extends CatalogEntity> Response create(
      CatalogKind<E> kind, String parent, UriInfo uri, JsonObject body) {
    var saved = store.create(kind, parent, body);
    String code = saved.json().getString("code");
    return Responses.written(
        saved.json(), saved.version(), true, uri.getAbsolutePathBuilder().path(code).build());
  }

  public <E extends CatalogEntity> Response patch(
      CatalogKind<E> kind,
      String parent,
      UriInfo uri,
      String code,
      JsonObject body,
      String ifMatch) {
    var saved = store.upsert(kind, parent, code, body, ifMatch);
    return Responses.written(saved.json(), saved.version(), saved.created(), uri.getAbsolutePath());
  }

  public <E extends CatalogEntity> Response delete(
      CatalogKind<E> kind, String parent, String code, String ifMatch) {
    store.delete(kind, parent, code, ifMatch);
    return Response.noContent().build();
  }
}
