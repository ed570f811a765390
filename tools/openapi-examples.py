#!/usr/bin/env python3
"""Records the OpenAPI examples (src/main/resources/openapi/examples.json) from a live server.

Start a fresh server holding the sample catalog (README quick start, with an empty data
directory), then run:  python3 tools/openapi-examples.py [http://localhost:8080]
Every example is a real request and the server's real answer; rerun it when the API changes.
"""
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

BASE = (sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080").rstrip("/") + "/api/v1"
OUT = "src/main/resources/openapi/examples.json"
examples = {}


def call(method, path, body=None, content_type="application/json"):
    data = None
    if body is not None:
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def record(operation, method, path, body=None, expect=None, content_type="application/json",
           answer_type=None):
    """answer_type: the media type of a 2xx answer that is not JSON (text/csv): kept as text."""
    status, text = call(method, path, body, content_type)
    if expect is not None and status != expect:
        sys.exit(f"{operation}: {method} {path} answered {status}, expected {expect}: {text}")
    entry = examples.setdefault(operation, {"responses": {}})
    if body is not None and str(status).startswith("2"):
        entry["request"] = body
    if text and answer_type and str(status).startswith("2"):
        entry["responses"][str(status)] = text
        entry.setdefault("types", {})[str(status)] = answer_type
    elif text:
        entry["responses"][str(status)] = text if content_type.endswith("ndjson") else json.loads(text)
    return status


def shorten_pages():
    for entry in examples.values():
        for answer in entry["responses"].values():
            if isinstance(answer, dict) and "_embedded" in answer:
                answer["_embedded"]["items"] = answer["_embedded"]["items"][:2]


RESOURCES = [
    # operation suffix, path, example code, new resource, merge patch, invalid body, code in use
    ("Locales", "Locale", "/locales", "fr_FR", {"code": "oc_FR", "labels": {"en_US": "Occitan (France)"}},
     {"labels": {"fr_FR": "occitan (France)"}}, {"code": "occitan"}, "en_US"),
    ("Currencies", "Currency", "/currencies", "EUR", {"code": "XVT", "labels": {"en_US": "Vitrine credit"}, "decimals": 0},
     {"decimals": 2}, {"code": "Euro", "decimals": 9}, "EUR"),
    ("Channels", "Channel", "/channels", "ecommerce",
     {"code": "print", "labels": {"en_US": "Print catalog"}, "locales": ["fr_FR"], "currencies": ["EUR"],
      "category_tree": "master", "conversion_units": {"weight": "GRAM"}},
     {"locales": ["fr_FR", "en_US"]}, {"code": "kiosk", "locales": [], "currencies": ["XXX"], "category_tree": "apparel"},
     "ecommerce"),
    ("MeasurementFamilies", "MeasurementFamily", "/measurement-families", "Weight",
     {"code": "Thread", "labels": {"en_US": "Thread count"}, "standard_unit_code": "TPI",
      "units": {"TPI": {"code": "TPI", "labels": {"en_US": "Threads per inch"}, "symbol": "TPI",
                        "convert_from_standard": [{"operator": "mul", "value": "1"}]},
                "TPCM": {"code": "TPCM", "labels": {"en_US": "Threads per cm"}, "symbol": "TPcm",
                         "convert_from_standard": [{"operator": "mul", "value": "2.54"}]}}},
     {"labels": {"fr_FR": "Densité de fils"}},
     {"code": "Broken", "standard_unit_code": "A", "units": {"A": {"convert_from_standard": [{"operator": "pow", "value": "2"}]}}},
     "Weight"),
    ("AttributeGroups", "AttributeGroup", "/attribute-groups", "marketing",
     {"code": "sustainability", "labels": {"en_US": "Sustainability"}, "sort_order": 6},
     {"sort_order": 7}, {"code": "bad group", "sort_order": "first"}, "marketing"),
    ("Attributes", "Attribute", "/attributes", "weight",
     {"code": "recycled_content", "type": "number", "group": "sustainability", "labels": {"en_US": "Recycled content (%)"},
      "localizable": False, "scopable": False, "decimals_allowed": False, "number_min": "0", "number_max": "100"},
     {"labels": {"fr_FR": "Contenu recyclé (%)"}},
     {"code": "fabric_weight", "type": "metric", "metric_family": "Weight", "default_metric_unit": "METER", "max_characters": 10},
     "color"),
    ("Families", "Family", "/families", "apparel",
     {"code": "bags", "labels": {"en_US": "Bags"}, "attributes": ["name", "description", "color", "price", "images"],
      "attribute_as_label": "name", "attribute_as_image": "images",
      "attribute_requirements": {"ecommerce": ["name", "price"], "marketplace": ["name", "price", "description"]}},
     {"attribute_requirements": {"marketplace": ["name", "price", "description", "color"]}},
     {"code": "tents", "attributes": ["name"], "attribute_requirements": {"ecommerce": ["weight"]}},
     "apparel"),
    ("Categories", "Category", "/categories", "men_t_shirts",
     {"code": "bags_totes", "parent": "apparel", "labels": {"en_US": "Tote bags", "fr_FR": "Sacs cabas"}},
     {"position": 0}, {"code": "loop", "parent": "no_such_category"}, "master"),
]

for plural, single, path, code, new, patch, invalid, used in RESOURCES:
    record("list" + plural, "GET", path + "?limit=2", expect=200)
    record("get" + single, "GET", f"{path}/{code}", expect=200)
    record("create" + single, "POST", path, new, expect=201)
    record("create" + single, "POST", path, invalid, expect=422)
    record("create" + single, "POST", path, new, expect=409)
    record("update" + single, "PATCH", f"{path}/{new['code']}", patch, expect=200)
    record("delete" + single, "DELETE", f"{path}/{used}", expect=409)

record("listAttributeOptions", "GET", "/attributes/color/options?limit=2", expect=200)
record("getAttributeOption", "GET", "/attributes/color/options/navy", expect=200)
record("createAttributeOption", "POST", "/attributes/color/options",
       {"code": "ochre", "labels": {"en_US": "Ochre", "fr_FR": "Ocre"}, "sort_order": 20}, expect=201)
record("createAttributeOption", "POST", "/attributes/color/options", {"code": "Ochre"}, expect=422)
record("updateAttributeOption", "PATCH", "/attributes/color/options/ochre", {"labels": {"de_DE": "Ocker"}}, expect=200)
record("deleteAttributeOption", "DELETE", "/attributes/color/options/navy", expect=409)

product = {
    "identifier": "TOTE-CANVAS-SAND", "family": "bags", "categories": ["bags_totes"], "enabled": True,
    "values": {
        "name": [{"locale": "en_US", "scope": None, "data": "Canvas tote, sand"},
                 {"locale": "fr_FR", "scope": None, "data": "Cabas en toile, sable"}],
        "description": [{"locale": "en_US", "scope": "ecommerce",
                         "data": "<p>Heavy <strong>organic canvas</strong> with leather handles.</p>"}],
        "color": [{"locale": None, "scope": None, "data": "sand"}],
        "price": [{"locale": None, "scope": None, "data": [{"amount": "39.9", "currency": "EUR"},
                                                           {"amount": "42", "currency": "USD"}]}],
    },
}
record("listProducts", "GET", "/products?limit=2&q=hoodie&locale=en_US&facets=color,size"
       "&search=" + urllib.parse.quote(json.dumps({"categories": [{"operator": "IN CHILDREN", "value": ["men"]}]})),
       expect=200)
record("listProducts", "GET", "/products?search=" + urllib.parse.quote(json.dumps(
    {"name": [{"operator": "CONTAINS", "value": "tee"}], "color": [{"operator": "<", "value": 3}]})), expect=422)
record("getSearchIndex", "GET", "/search-index", expect=200)
record("rebuildSearchIndex", "POST", "/search-index/rebuild", {}, expect=202)
examples["rebuildSearchIndex"].pop("request")  # the body is ignored: no request body to show
record("createProduct", "POST", "/products", product, expect=201)
record("createProduct", "POST", "/products", {
    "identifier": "TOTE-CANVAS-BLACK", "family": "bags",
    "values": {"name": [{"locale": None, "scope": None, "data": "Canvas tote"}],
               "color": [{"locale": None, "scope": None, "data": "jet_black"}],
               "price": [{"locale": None, "scope": None, "data": [{"amount": "-5", "currency": "EUR"}]}],
               "weight": [{"locale": None, "scope": None, "data": {"amount": "0.4", "unit": "KILOGRAM"}}]}},
    expect=422)
record("createProduct", "POST", "/products", product, expect=409)
record("getProduct", "GET", "/products/TOTE-CANVAS-SAND", expect=200)
record("updateProduct", "PATCH", "/products/TOTE-CANVAS-SAND",
       {"values": {"name": [{"locale": "fr_FR", "scope": None, "data": "Cabas en toile épaisse, sable"}],
                   "color": [{"locale": None, "scope": None, "data": None}]}}, expect=200)
record("upsertProducts", "PATCH", "/products", "\n".join([
    json.dumps({"identifier": "TOTE-CANVAS-NAVY", "family": "bags", "categories": ["bags_totes"],
                "values": {"color": [{"locale": None, "scope": None, "data": "navy"}]}}),
    json.dumps({"identifier": "TOTE-CANVAS-SAND", "enabled": False}),
    json.dumps({"identifier": "TOTE-CANVAS-RED", "family": "bags",
                "values": {"color": [{"locale": None, "scope": None, "data": "scarlet"}]}}),
]) + "\n", expect=200, content_type="application/x-ndjson")
record("deleteProduct", "DELETE", "/products/TOTE-CANVAS-NAVY", expect=204)
record("deleteProduct", "DELETE", "/products/TOTE-CANVAS-NAVY", expect=404)

record("listAssociationTypes", "GET", "/association-types?limit=2", expect=200)
record("createAssociationType", "POST", "/association-types",
       {"code": "SUBSTITUTION", "labels": {"en_US": "Replaces"}, "two_way": True}, expect=201)
record("createAssociationType", "POST", "/association-types",
       {"code": "PACK", "labels": {"en_US": "Pack of"}, "quantified": True}, expect=201)
record("createAssociationType", "POST", "/association-types",
       {"code": "BUNDLE", "two_way": True, "quantified": True}, expect=422)
record("createAssociationType", "POST", "/association-types", {"code": "PACK"}, expect=409)
record("getAssociationType", "GET", "/association-types/SUBSTITUTION", expect=200)
record("updateAssociationType", "PATCH", "/association-types/SUBSTITUTION",
       {"labels": {"fr_FR": "Remplace"}}, expect=200)

variant = {"code": "apparel_color_size", "labels": {"en_US": "Apparel by color, then size"},
           "variant_attribute_sets": [{"level": 1, "axes": ["color"], "attributes": ["images"]},
                                      {"level": 2, "axes": ["size"], "attributes": ["ean", "weight"]}]}
record("createFamilyVariant", "POST", "/families/apparel/variants", variant, expect=201)
record("createFamilyVariant", "POST", "/families/apparel/variants",
       {"code": "apparel_by_name", "variant_attribute_sets": [{"level": 1, "axes": ["name"]}]}, expect=422)
record("createFamilyVariant", "POST", "/families/apparel/variants", variant, expect=409)
record("listFamilyVariants", "GET", "/families/apparel/variants?limit=2", expect=200)
record("getFamilyVariant", "GET", "/families/apparel/variants/apparel_color_size", expect=200)
record("updateFamilyVariant", "PATCH", "/families/apparel/variants/apparel_color_size",
       {"labels": {"fr_FR": "Vêtements par couleur, puis taille"}}, expect=200)

root = {"code": "tee-heavyweight", "family_variant": "apparel_color_size", "categories": ["men_t_shirts"],
        "values": {"name": [{"locale": "en_US", "scope": None, "data": "Heavyweight tee"}],
                   "material": [{"locale": None, "scope": None, "data": ["organic_cotton"]}]}}
record("createProductModel", "POST", "/product-models", root, expect=201)
record("createProductModel", "POST", "/product-models",
       {"code": "tee-heavyweight-olive", "parent": "tee-heavyweight",
        "values": {"name": [{"locale": "en_US", "scope": None, "data": "Olive tee"}]}}, expect=422)
record("createProductModel", "POST", "/product-models", root, expect=409)
record("upsertProductModels", "PATCH", "/product-models", "\n".join([
    json.dumps({"code": "tee-heavyweight-navy", "parent": "tee-heavyweight",
                "values": {"color": [{"locale": None, "scope": None, "data": "navy"}]}}),
    json.dumps({"code": "tee-heavyweight-sand", "parent": "tee-heavyweight",
                "values": {"color": [{"locale": None, "scope": None, "data": "sand"}]}}),
    json.dumps({"code": "tee-heavyweight-navy-2", "parent": "tee-heavyweight",
                "values": {"color": [{"locale": None, "scope": None, "data": "navy"}]}}),
]) + "\n", expect=200, content_type="application/x-ndjson")
record("updateProductModel", "PATCH", "/product-models/tee-heavyweight",
       {"values": {"name": [{"locale": "fr_FR", "scope": None, "data": "T-shirt épais"}]},
        "associations": {"SUBSTITUTION": {"products": ["TS-CREW-NAVY-M"]}}}, expect=200)
record("updateProduct", "PATCH", "/products/TEE-HEAVY-NAVY-M",
       {"parent": "tee-heavyweight-navy", "values": {"size": [{"locale": None, "scope": None, "data": "m"}]},
        "quantified_associations": {"PACK": {"products": [{"identifier": "TOTE-CANVAS-SAND", "quantity": 2}]}}},
       expect=201)
record("getProductModel", "GET", "/product-models/tee-heavyweight-navy?with_value_origins=true", expect=200)
record("listProductModels", "GET", "/product-models?limit=2", expect=200)
record("deleteProductModel", "DELETE", "/product-models/tee-heavyweight-navy", expect=409)
record("deleteFamilyVariant", "DELETE", "/families/apparel/variants/apparel_color_size", expect=409)
record("deleteAssociationType", "DELETE", "/association-types/SUBSTITUTION", expect=409)
record("listEvents", "GET", "/events?limit=2", expect=200)

# Completeness: a requirement change, the job it queues, and the dashboard.
home = json.loads(call("GET", "/families/home")[1])
requirements = home["attribute_requirements"]
requirements["ecommerce"] = sorted(set(requirements.get("ecommerce", [])) | {"care_instructions"})
status, _ = call("PATCH", "/families/home", {"attribute_requirements": requirements})
assert status == 200, status
import time
for _ in range(600):
    jobs = json.loads(call("GET", "/jobs?kind=completeness&limit=1")[1])["items"]
    if jobs and jobs[0]["state"] in ("finished", "failed"):
        break
    time.sleep(0.1)
record("listJobs", "GET", "/jobs?kind=completeness&limit=1", expect=200)
record("getJob", "GET", f"/jobs/{jobs[0]['id']}", expect=200)
record("listJobs", "GET", "/jobs?state=sleeping", expect=422)
record("retryJob", "POST", f"/jobs/{jobs[0]['id']}/retry", {}, expect=409)
record("getCompletenessSummary", "GET", "/completeness/summary", expect=200)
record("getChannelEligibility", "GET", "/channels/marketplace/eligibility/CUSH-VLV-3050-GRN", expect=200)
record("getChannelEligibility", "GET", "/channels/marketplace/eligibility/NO-SUCH-SKU", expect=404)

# The storefront feed: a full pull's page, its changes after a write, and a channel change.
record("listChannelProducts", "GET", "/channels/ecommerce/products?limit=2", expect=200)
record("listChannelProducts", "GET", "/channels/ecommerce/products?limit=0", expect=422)
pull = json.loads(call("GET", "/channels/ecommerce/products?limit=1000")[1])
since = pull["_links"]["next"]["href"].split("/api/v1", 1)[1]
status, _ = call("PATCH", "/products/TS-CREW-NAVY-M", {"enabled": False})
assert status == 200, status
record("listChannelProducts", "GET", since, expect=200)
record("getChannelProduct", "GET", "/channels/ecommerce/products/TS-CREW-NAVY-L", expect=200)
record("getChannelProduct", "GET", "/channels/ecommerce/products/TS-CREW-NAVY-M", expect=404)
status, _ = call("PATCH", "/channels/ecommerce", {"eligibility": {"min_completeness": 90}})
assert status == 200, status
record("listChannelProducts", "GET", since, expect=410)

# Exports: a Google Merchant profile, an export it starts, and what it made.
google = {"code": "google_shopping", "labels": {"en_US": "Google Shopping"}, "format": "google_merchant",
          "locale": "en_US", "currency": "USD",
          "mapping": {"link": {"template": "https://shop.example/p/{identifier}"},
                      "image_link": {"template": "https://cdn.example/{images}.jpg"},
                      "condition": {"value": "new"}},
          "filters": {"families": ["apparel", "footwear"]}, "schedule": {"every_hours": 24}}
record("createExportProfile", "POST", "/channels/ecommerce/export-profiles", google, expect=201)
record("createExportProfile", "POST", "/channels/ecommerce/export-profiles",
       {"code": "bad_feed", "format": "google_merchant", "currency": "GBP", "mapping": {"price": "name"}},
       expect=422)
record("updateExportProfile", "PATCH", "/channels/ecommerce/export-profiles/google_shopping",
       {"feed": {"title": "Vitrine apparel and footwear"}}, expect=200)
record("getExportProfile", "GET", "/channels/ecommerce/export-profiles/google_shopping", expect=200)
record("listExportProfiles", "GET", "/channels/ecommerce/export-profiles", expect=200)
record("createExportProfile", "POST", "/channels/ecommerce/export-profiles",
       {"code": "spreadsheet", "format": "csv", "locale": "fr_FR", "currency": "EUR", "delimiter": ";",
        "filters": {"families": ["lighting"]},
        "bom": True, "columns": ["identifier", {"header": "Nom", "source": "name"}, "price",
                                 {"header": "Lien", "source": {"template": "https://shop.example/p/{identifier}"}}]},
       expect=201)
record("deleteExportProfile", "DELETE", "/channels/ecommerce/export-profiles/no_such_profile", expect=404)
record("streamExport", "GET", "/channels/ecommerce/export-profiles/spreadsheet/output", expect=200,
       answer_type="text/csv")
record("streamExport", "GET", "/channels/ecommerce/export-profiles/no_such_profile/output", expect=404)
record("streamExportRejections", "GET", "/channels/ecommerce/export-profiles/google_shopping/output/rejections",
       expect=200, answer_type="text/csv")
started = record("startExport", "POST", "/channels/ecommerce/export-profiles/google_shopping/exports", {},
                 expect=202)
export_id = examples["startExport"]["responses"]["202"]["id"]
examples["startExport"].pop("request", None)
for _ in range(600):
    if json.loads(call("GET", f"/exports/{export_id}")[1])["state"] in ("finished", "failed"):
        break
    time.sleep(0.1)
record("getExport", "GET", f"/exports/{export_id}", expect=200)
record("listExports", "GET", "/exports?limit=1", expect=200)
record("listProfileExports", "GET", "/channels/ecommerce/export-profiles/google_shopping/exports", expect=200)
record("startExport", "POST", "/channels/ecommerce/export-profiles/no_such_profile/exports", {}, expect=404)
record("deleteExport", "DELETE", "/exports/999999", expect=404)
record("exportRejections", "GET", f"/exports/{export_id}/rejections", expect=200, answer_type="text/csv")
record("downloadExport", "GET", "/exports/999999/file", expect=404)

# Assets: a photo of the sample catalog uploaded, the same bytes again, and a refusal.
import pathlib
photo = pathlib.Path("assets-sample/images/beanie_charcoal.png").read_bytes()


def put_file(operation, path, data, content_type, expect):
    request = urllib.request.Request(BASE + path, data=data, method="PUT")
    request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode()
    if status != expect:
        sys.exit(f"{operation}: PUT {path} answered {status}, expected {expect}: {text}")
    entry = examples.setdefault(operation, {"responses": {}})
    if str(status).startswith("2"):
        entry["request"] = f"(the file's bytes: {content_type}, at most vitrine.assets.max-bytes)"
        entry["request_type"] = content_type
    entry["responses"][str(status)] = json.loads(text)


put_file("putAsset", "/assets/photo_1?file_name=photo_1.png", photo, "image/png", 201)
put_file("putAsset", "/assets/beanie_charcoal_copy", photo, "image/png", 201)
put_file("putAsset", "/assets/not_a_jpeg", photo, "image/jpeg", 422)


def post_form(operation, files, expect, content_type=None):
    """files: (field, file name or None for a text field, content type, bytes), sent as a form."""
    boundary = "vitrine-example-boundary"
    body = b""
    for field, file_name, part_type, data in files:
        disposition = f'form-data; name="{field}"'
        if file_name is not None:
            disposition += f'; filename="{file_name}"'
        body += f"--{boundary}\r\nContent-Disposition: {disposition}\r\n".encode()
        if part_type:
            body += f"Content-Type: {part_type}\r\n".encode()
        body += b"\r\n" + data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    request = urllib.request.Request(BASE + "/assets", data=body, method="POST")
    request.add_header("Content-Type", content_type or f"multipart/form-data; boundary={boundary}")
    try:
        with urllib.request.urlopen(request) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode()
    if status != expect:
        sys.exit(f"{operation}: POST /assets answered {status}, expected {expect}: {text}")
    entry = examples.setdefault(operation, {"responses": {}})
    if str(status).startswith("2"):
        entry["request"] = ("(a multipart/form-data body: parts named file, each with its filename"
                            " and Content-Type; a code field before a file names its asset)")
        entry["request_type"] = "multipart/form-data"
    entry["responses"][str(status)] = json.loads(text)


# A folder dropped on a form: a file stored, one with a code field, one whose content is not its type.
post_form("uploadAssets", [
    ("file", "knit/beanie charcoal.png", "image/png", photo),
    ("code", None, None, b"beanie_charcoal_front"),
    ("file", "IMG_0042.png", "image/png", photo),
    ("file", "beanie_back.jpg", "image/jpeg", photo),
], 200)
post_form("uploadAssets", [], 415, content_type="application/json")
record("getAsset", "GET", "/assets/beanie_charcoal", expect=200)
record("getAsset", "GET", "/assets/no_such_asset", expect=404)
record("listAssets", "GET", "/assets?limit=2", expect=200)
record("downloadAsset", "GET", "/assets/no_such_asset/file", expect=404)

# Asset families: the sample's, a new one, a refused one; an upload its naming convention links.
record("getAssetFamily", "GET", "/asset-families/product_images", expect=200)
record("listAssetFamilies", "GET", "/asset-families?limit=2", expect=200)
record("createAssetFamily", "POST", "/asset-families", {
    "code": "spec_sheets", "labels": {"en_US": "Spec sheets"}, "media_kinds": ["document"]},
    expect=201)
record("createAssetFamily", "POST", "/asset-families", {
    "code": "bad", "renditions": {"thumb": {"mode": "stretch", "width": 0, "format": "png",
                                            "quality": 80}}}, expect=422)
record("updateAssetFamily", "PATCH", "/asset-families/spec_sheets",
       {"labels": {"fr_FR": "Fiches techniques"}}, expect=200)
record("deleteAssetFamily", "DELETE", "/asset-families/product_images", expect=409)
put_file("putAsset", "/assets/tee_navy_m_2?family=product_images&file_name=TS-CREW-NAVY-M_2.png",
         photo, "image/png", 201)
record("deleteAsset", "DELETE", "/assets/tshirt_crew_navy", expect=409)
record("deleteAsset", "DELETE", "/assets/beanie_charcoal_copy", expect=204)
record("downloadAssetRendition", "GET", "/assets/beanie_charcoal/renditions/no_such_rendition",
       expect=404)

record("apiRoot", "GET", "", expect=200)

shorten_pages()
with open(OUT, "w", encoding="utf-8") as out:
    json.dump(examples, out, ensure_ascii=False, indent=2)
    out.write("\n")
print(f"{len(examples)} operations recorded in {OUT}")
