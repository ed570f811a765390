package io.vitrine.asset;

import static io.vitrine.testing.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vitrine.testing.Api;
import io.vitrine.testing.TestCatalog;
import io.vitrine.testing.VitrineIT;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Asset families over HTTP: their renditions made and served, their naming convention linking
 * uploads to products, asset collections that take only existing assets of the right family, and
 * assets that cannot be deleted while products show them.
 */
class AssetFamiliesIT extends VitrineIT {

  private static final Path PHOTOS = Path.of("../shared/datasets/product-photos");

  private static TestCatalog shared;
  private TestCatalog c;

  @BeforeEach
  void catalog() {
    if (shared == null) {
      shared = TestCatalog.create(api);
    }
    c = shared;
  }

  private Api.Response put(String code, String query, byte[] bytes, String type) {
    return api.send(
        "PUT",
        "api/v1/assets/" + code + query,
        BodyPublishers.ofByteArray(bytes),
        "Content-Type",
        type);
  }

  /** A family with a 40 px JPEG thumbnail, a 30 × 30 crop to PNG and a 50 × 50 white WebP fill. */
  private String family(String naming) {
    String code = unique("fam");
    assertStatus(
        201,
        api.post(
            "api/v1/asset-families",
            json(
                "{'code':'"
                    + code
                    + "','media_kinds':['image'],'renditions':{"
                    + "'thumb':{'width':40,'height':40,'format':'jpeg','quality':80},"
                    + "'square':{'mode':'crop','width':30,'height':30,'format':'png'},"
                    + "'shop':{'mode':'fill','width':50,'height':50,'format':'webp',"
                    + "'background':'#ffffff','channels':['"
                    + c.channel
                    + "']}}"
                    + (naming == null ? "" : ",'naming':" + naming)
                    + "}")));
    return code;
  }

  private static BufferedImage image(byte[] bytes) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    assertTrue(image != null, "not an image");
    return image;
  }

  private String rendition(JsonObject asset, String name) {
    String href = asset.getJsonObject("renditions").getJsonObject(name).getString("href");
    return href.substring(href.indexOf("api/v1/"));
  }

  @Test
  void renditionsAreMadeByTheirSpecsAndCachedByContent() throws Exception {
    String family = family(null);
    String code = unique("wide");
    // 200 × 100, turned upright by EXIF 6: shown as 100 × 200.
    byte[] turned = TestImages.withOrientation(TestImages.image("jpg", 200, 100), 6);
    var uploaded = put(code, "?family=" + family, turned, "image/jpeg");
    assertStatus(201, uploaded);
    JsonObject asset = uploaded.json();
    assertEquals(family, asset.getString("family"));
    assertEquals(
        List.of("shop", "square", "thumb"),
        asset.getJsonObject("renditions").keySet().stream().sorted().toList());

    BufferedImage thumb = image(api.download(rendition(asset, "thumb")));
    assertEquals(20, thumb.getWidth(), "fit keeps the upright proportions");
    assertEquals(40, thumb.getHeight());
    BufferedImage square = image(api.download(rendition(asset, "square")));
    assertEquals(30, square.getWidth());
    assertEquals(30, square.getHeight());
    byte[] webp = api.download(rendition(asset, "shop"));
    assertEquals("RIFF", new String(webp, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
    BufferedImage shop = image(webp);
    assertEquals(50, shop.getWidth());
    assertEquals(50, shop.getHeight());
    int corner = shop.getRGB(0, 0) & 0xffffff;
    assertTrue((corner >> 16 & 0xff) > 240 && (corner & 0xff) > 240, "the fill's padding is white");

    // Cache headers: the link's tag makes it immutable; If-None-Match answers 304.
    var served = api.get(rendition(asset, "thumb"));
    assertStatus(200, served);
    assertEquals("image/jpeg", served.contentType());
    assertTrue(served.header("Cache-Control").orElse("").contains("immutable"), served::toString);
    assertStatus(
        304, api.get(rendition(asset, "thumb"), "If-None-Match", served.header("ETag").get()));

    // A changed spec gives a new link, and the new size.
    assertStatus(
        200,
        api.patch(
            "api/v1/asset-families/" + family,
            json("{'renditions':{'thumb':{'width':10,'height':10,'format':'jpeg'}}}")));
    JsonObject after = api.get("api/v1/assets/" + code).json();
    assertNotEquals(rendition(asset, "thumb"), rendition(after, "thumb"));
    assertEquals(10, image(api.download(rendition(after, "thumb"))).getHeight());

    // Never enlarged: a 16 × 8 image stays 16 × 8 in a 30 × 30 crop.
    String small = unique("small");
    var tiny = put(small, "?family=" + family, TestImages.image("png", 16, 8), "image/png");
    assertStatus(201, tiny);
    BufferedImage same = image(api.download(rendition(tiny.json(), "square")));
    assertEquals(16, same.getWidth());
    assertEquals(8, same.getHeight());

    // The same bytes under another code share the renditions: same tag, same file.
    var twin =
        put(unique("twin"), "?family=" + family, TestImages.image("png", 16, 8), "image/png");
    assertEquals(
        rendition(tiny.json(), "square").replaceAll(".*\\?v=", ""),
        rendition(twin.json(), "square").replaceAll(".*\\?v=", ""));

    // An unknown rendition, and an asset without family.
    assertProblem(404, "not-found", api.get("api/v1/assets/" + code + "/renditions/nope"));
    String loose = unique("loose");
    assertStatus(201, put(loose, "", TestImages.image("png", 8, 8), "image/png"));
    assertEquals(
        JsonObject.EMPTY_JSON_OBJECT,
        api.get("api/v1/assets/" + loose).json().getJsonObject("renditions"));
  }

  @Test
  void renditionsAreMadeInTheBackgroundAfterAnUpload() throws Exception {
    String family = family(null);
    var uploaded =
        put(unique("bg"), "?family=" + family, TestImages.image("jpg", 90, 60), "image/jpeg");
    assertStatus(201, uploaded);
    String sha = uploaded.json().getString("sha256");
    Path made = AssetsIT.data().resolve("renditions").resolve(sha.substring(0, 2)).resolve(sha);
    long deadline = System.nanoTime() + 30_000_000_000L;
    // Never asked for: the background thread makes all three.
    while (System.nanoTime() < deadline
        && (!Files.isDirectory(made)
            || Files.list(made).filter(f -> !f.toString().endsWith(".part")).count() < 3)) {
      sleep(100);
    }
    try (Stream<Path> files = Files.list(made)) {
      assertEquals(3, files.filter(f -> !f.toString().endsWith(".part")).count(), made::toString);
    }
  }

  @Test
  void codesAreToldApartWithoutRegardToCase() {
    String code = unique("Case");
    assertStatus(201, put(code, "", TestImages.image("png", 8, 8), "image/png"));
    JsonObject taken =
        assertProblem(
            409,
            "conflict",
            put(code.toLowerCase(), "", TestImages.image("png", 9, 9), "image/png"));
    assertTrue(taken.getString("detail").contains("'" + code + "'"), taken::toString);
    assertStatus(200, put(code, "", TestImages.image("png", 9, 9), "image/png"));
  }

  @Test
  void badFamiliesAreRefusedFieldByField() {
    var refused =
        api.post(
            "api/v1/asset-families",
            json(
                "{'code':'"
                    + unique("bad")
                    + "','media_kinds':['image','sound'],'renditions':{"
                    + "'a':{'mode':'stretch','width':10},"
                    + "'b':{'mode':'crop','width':10},"
                    + "'c':{'width':10,'format':'jpeg','background':'transparent'},"
                    + "'d':{'width':10,'format':'png','quality':0},"
                    + "'e':{'width':99999,'channels':['nowhere']}},"
                    + "'naming':{'pattern':'^(?<sku>.+)\\\\.jpg$','attribute':'"
                    + c.name
                    + "'}}"));
    assertViolation(refused, "media_kinds[1]", "image, video or document");
    assertViolation(refused, "renditions.a.mode", "fit, fill, crop");
    assertViolation(refused, "renditions.b.height", "needs both sides");
    assertViolation(refused, "renditions.c.background", "JPEG has no transparency");

    assertViolation(refused, "renditions.e.width", "between 1 and 5000");
    assertViolation(refused, "naming.pattern", "needs a group named identifier");
    assertViolation(refused, "naming.pattern", "'sku'");
    assertViolation(refused, "naming.attribute", "not an asset collection attribute");

    // A channel shows one rendition of a family; a stored family is left as it was.
    String family = family(null);
    JsonObject before = api.get("api/v1/asset-families/" + family).json();
    var twice =
        api.patch(
            "api/v1/asset-families/" + family,
            json(
                "{'renditions':{'thumb':{'width':40,'channels':['"
                    + c.channel
                    + "']},'square':null}}"));
    assertViolation(twice, "renditions.shop.channels", "already shows the rendition 'thumb'");
    assertEquals(before, api.get("api/v1/asset-families/" + family).json());
  }

  @Test
  void uploadsOfTheWrongKindOrFamilyAreRefused() throws IOException {
    String family = family(null);
    var pdf =
        put(
            unique("doc"),
            "?family=" + family,
            "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(),
            "application/pdf");
    assertViolation(pdf, "file", "takes images");
    assertViolation(
        put(unique("x"), "?family=nowhere", TestImages.image("png", 8, 8), "image/png"),
        "family",
        "no asset family 'nowhere'");
  }

  @Test
  void theNamingConventionLinksUploadsToTheirProductInOrder() {
    String family =
        family(
            "{'pattern':'^(?<identifier>.+)_(?<position>\\\\d+)\\\\.(jpg|png)$','attribute':'"
                + c.images
                + "'}");
    String sku = unique("SKU").toUpperCase();
    c.product(api, sku, true, "");

    var second = upload(sku + "_2.png", family);
    assertStatus(201, second);
    JsonObject link = second.json().getJsonObject("link");
    assertEquals(sku, link.getString("product"));
    assertEquals(c.images, link.getString("attribute"));
    assertEquals(1, link.getInt("position"));
    var first = upload(sku + "_1.png", family);
    assertEquals(1, first.json().getJsonObject("link").getInt("position"));
    assertEquals(List.of(code(sku + "_1.png"), code(sku + "_2.png")), images(sku));

    // The same file again changes nothing; a name that does not follow, or names no product, says
    // so.
    assertEquals(2, upload(sku + "_2.png", family).json().getJsonObject("link").getInt("position"));
    assertTrue(
        upload("front.png", family)
            .json()
            .getJsonObject("link")
            .getString("problem")
            .contains("does not follow"));
    assertTrue(
        upload("NOPE-" + sku + "_1.png", family)
            .json()
            .getJsonObject("link")
            .getString("problem")
            .contains("no product"));
    assertEquals(2, images(sku).size());
  }

  @Test
  void aDroppedFolderInAFamilyIsLinkedFileByFile() {
    String family =
        family(
            "{'pattern':'^(?<identifier>.+)_(?<position>\\\\d+)\\\\.(jpg|png)$','attribute':'"
                + c.images
                + "'}");
    String sku = unique("DROP").toUpperCase();
    c.product(api, sku, true, "");
    var form =
        new io.vitrine.testing.MultipartBody()
            .field("family", family)
            .file("file", "shoot/" + sku + "_2.png", "image/png", TestImages.image("png", 14, 14))
            .file("file", "shoot/" + sku + "_1.png", "image/png", TestImages.image("png", 15, 15));
    var answer =
        api.send(
            "POST",
            "api/v1/assets",
            BodyPublishers.ofByteArray(form.bytes()),
            "Content-Type",
            form.contentType());
    assertStatus(200, answer);
    for (var item : answer.json().getJsonArray("items")) {
      JsonObject asset = item.asJsonObject().getJsonObject("asset");
      assertEquals(family, asset.getString("family"), answer::toString);
      assertEquals(sku, asset.getJsonObject("link").getString("product"), answer::toString);
      assertTrue(asset.getJsonObject("link").isNull("problem"), answer::toString);
    }
    assertEquals(List.of(sku + "_1.png", sku + "_2.png"), images(sku));
  }

  private Api.Response upload(String fileName, String family) {
    return put(
        code(fileName),
        "?family=" + family + "&file_name=" + fileName,
        TestImages.image("png", 12, 12),
        "image/png");
  }

  private static String code(String fileName) {
    return fileName.replace('.', '_').toLowerCase();
  }

  private List<String> images(String sku) {
    JsonObject product = api.get("api/v1/products/" + sku).json();
    return product
        .getJsonObject("values")
        .getJsonArray(c.images)
        .getJsonObject(0)
        .getJsonArray("data")
        .getValuesAs(JsonString.class)
        .stream()
        .map(JsonString::getString)
        .toList();
  }

  @Test
  void assetCollectionsTakeExistingAssetsOfTheirFamilyAndKeepThemFromDeletion() {
    String family = family(null);
    String attribute = unique("gallery");
    assertStatus(
        201,
        api.post(
            "api/v1/attributes",
            json(
                "{'code':'"
                    + attribute
                    + "','type':'asset_collection','asset_family':'"
                    + family
                    + "'}")));
    List<String> attributes =
        new java.util.ArrayList<>(
            api.get("api/v1/families/" + c.family).json().getJsonArray("attributes").stream()
                .map(a -> ((JsonString) a).getString())
                .toList());
    attributes.add(attribute);
    assertStatus(
        200,
        api.patch(
            "api/v1/families/" + c.family,
            jakarta.json.Json.createObjectBuilder()
                .add("attributes", jakarta.json.Json.createArrayBuilder(attributes))
                .build()
                .toString()));
    String inFamily = unique("in");
    String loose = unique("out");
    assertStatus(
        201, put(inFamily, "?family=" + family, TestImages.image("png", 17, 11), "image/png"));
    assertStatus(201, put(loose, "", TestImages.image("png", 9, 9), "image/png"));
    String sku = unique("GAL").toUpperCase();
    c.product(api, sku, true, "");

    var wrong =
        api.patch(
            "api/v1/products/" + sku,
            json(
                "{'values':{'"
                    + c.images
                    + "':[{'locale':null,'scope':null,'data':['missing_asset']}]}}"));
    assertViolation(wrong, c.images, "'missing_asset' is not an asset");
    assertViolation(
        api.patch(
            "api/v1/products/" + sku,
            json(
                "{'values':{'"
                    + attribute
                    + "':[{'locale':null,'scope':null,'data':['"
                    + loose
                    + "']}]}}")),
        attribute,
        "takes assets of the family");
    assertStatus(
        200,
        api.patch(
            "api/v1/products/" + sku,
            json(
                "{'values':{'"
                    + attribute
                    + "':[{'locale':null,'scope':null,'data':['"
                    + inFamily.toUpperCase()
                    + "']}]}}")));
    assertEquals(
        inFamily,
        api.get("api/v1/products/" + sku)
            .json()
            .getJsonObject("values")
            .getJsonArray(attribute)
            .getJsonObject(0)
            .getJsonArray("data")
            .getString(0),
        "stored with the asset's own code");

    JsonObject inUse = assertProblem(409, "in-use", api.delete("api/v1/assets/" + inFamily));
    assertTrue(inUse.toString().contains(sku), inUse::toString);
    assertStatus(200, api.get("api/v1/assets/" + inFamily));
    var moved =
        put(inFamily, "?family=" + family(null), TestImages.image("png", 8, 8), "image/png");
    assertProblem(409, "in-use", moved);

    assertStatus(
        200,
        api.patch(
            "api/v1/products/" + sku,
            json("{'values':{'" + attribute + "':[{'locale':null,'scope':null,'data':[]}]}}")));
    String bytes = api.get("api/v1/assets/" + inFamily).json().getString("sha256");
    assertStatus(204, api.delete("api/v1/assets/" + inFamily));
    // No other asset had its bytes: they go, with their renditions.
    assertFalse(
        Files.exists(
            AssetsIT.data()
                .resolve("assets")
                .resolve(bytes.substring(0, 2))
                .resolve(bytes.substring(2, 4))
                .resolve(bytes)));
    assertFalse(
        Files.exists(
            AssetsIT.data().resolve("renditions").resolve(bytes.substring(0, 2)).resolve(bytes)));
    assertProblem(404, "not-found", api.get("api/v1/assets/" + inFamily));
    JsonObject familyInUse =
        assertProblem(409, "in-use", api.delete("api/v1/asset-families/" + family));
    assertTrue(familyInUse.toString().contains(attribute), familyInUse::toString);
  }

  @Test
  void theSampleCatalogsPicturesAreAssetsWithRenditions() throws IOException {
    JsonObject navy = api.get("api/v1/assets/tshirt_crew_navy").json();
    assertEquals("product_images", navy.getString("family"));
    assertEquals("image/png", navy.getString("media_type"));
    BufferedImage thumbnail = image(api.download(rendition(navy, "thumbnail")));
    assertEquals(300, thumbnail.getWidth());
    BufferedImage marketplace = image(api.download(rendition(navy, "marketplace")));
    assertEquals(1000, marketplace.getWidth());
  }

  @Test
  void realPhotosGetTheirRenditions() throws IOException {
    assumeTrue(Files.isDirectory(PHOTOS), "../shared/datasets/product-photos is absent");
    String family = family(null);
    List<Path> photos;
    try (Stream<Path> all = Files.list(PHOTOS)) {
      photos = all.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(3).toList();
    }
    for (Path photo : photos) {
      var uploaded =
          put(unique("real"), "?family=" + family, Files.readAllBytes(photo), "image/jpeg");
      assertStatus(201, uploaded);
      JsonObject asset = uploaded.json();
      BufferedImage thumb = image(api.download(rendition(asset, "thumb")));
      assertEquals(40, Math.max(thumb.getWidth(), thumb.getHeight()), photo::toString);
      double ratio = (double) asset.getInt("width") / asset.getInt("height");
      assertEquals(ratio, (double) thumb.getWidth() / thumb.getHeight(), 0.1, photo::toString);
      assertFalse(api.download(rendition(asset, "shop")).length == 0);
    }
  }
}
