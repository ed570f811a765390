package io.vitrine.asset.boundary;

import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.Violation;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.RequestContext;

/**
 * A {@code multipart/form-data} upload read one part at a time, straight from the request: a file
 * part's bytes are handed on as they arrive, through Commons FileUpload's streaming parser (a
 * buffer of a few kilobytes), never held in memory nor written anywhere first. The text fields sent
 * before a file part apply to it.
 *
 * <p>What stops the reading (a body that is not a form, cannot be read, or sends too many files) is
 * a problem for the whole request; what is wrong with one file is that file's own answer.
 */
final class UploadForm {

  static final String FILE = "file";
  static final String CODE = "code";
  static final String FAMILY = "family";

  /** The most file parts one request may hold. */
  static final int MAX_FILES = 1000;

  /** The longest text field: a code has at most 255 characters of at most 4 bytes. */
  static final int MAX_FIELD_BYTES = 1024;

  /** Part headers up to this size: a long file name, percent-encoded, fits. */
  private static final int MAX_PART_HEADER_BYTES = 16 * 1024;

  private static final Pattern NOT_IN_CODE = Pattern.compile("[^A-Za-z0-9_.-]");
  private static final Pattern LEADING = Pattern.compile("^[._-]+");
  private static final Pattern FORM =
      Pattern.compile(
          "\\s*multipart/form-data\\s*(;.*)?", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private UploadForm() {}

  /**
   * A file part: its name as sent, the name kept for it (without any folder), its declared type,
   * the asset code it goes to (empty when none could be made from its name), its asset family (or
   * null), why it cannot be stored whatever its bytes (or null), and its bytes.
   */
  record FilePart(
      String sentName,
      String fileName,
      String contentType,
      String code,
      String family,
      Problem refusal,
      InputStream content) {}

  /** One result per file part, in order, and the problem that stopped the reading, if any. */
  record Outcome<T>(List<T> results, Problem stopped) {}

  /**
   * Reads the form in {@code body} (of type {@code contentType}), giving each file part to {@code
   * store} as it arrives; the bytes {@code store} leaves unread are skipped.
   */
  static <T> Outcome<T> read(String contentType, InputStream body, Function<FilePart, T> store) {
    List<T> results = new ArrayList<>();
    if (!isForm(contentType)) {
      return new Outcome<>(
          results,
          Problem.unsupportedMediaType(
              contentType == null ? "(none)" : contentType,
              "multipart/form-data, with the files in parts named " + FILE));
    }
    var parser = new Parser();
    var fields = new Fields();
    int files = 0;
    try {
      FileItemInputIterator parts = parser.getItemIterator(request(contentType, body));
      while (parts.hasNext()) {
        FileItemInput part = parts.next();
        if (!FILE.equals(part.getFieldName())) {
          Problem wrong = fields.put(part.getFieldName(), text(part));
          if (wrong != null) {
            return new Outcome<>(results, wrong);
          }
          continue;
        }
        String sentName = parser.getFileName(part.getHeaders());
        var content = new PartContent(part.getInputStream());
        if ((sentName == null || sentName.isEmpty()) && content.isEmpty()) {
          continue; // what a browser sends for a file input left empty
        }
        if (++files > MAX_FILES) {
          return new Outcome<>(results, tooManyFiles());
        }
        T result = null;
        try {
          result = store.apply(fields.take(sentName, part.getContentType(), content));
        } catch (RuntimeException e) {
          if (content.failure == null) {
            throw e;
          }
        }
        if (content.failure != null) {
          return new Outcome<>(results, unreadable(content.failure));
        }
        results.add(result);
      }
    } catch (IOException e) {
      return new Outcome<>(results, unreadable(e));
    }
    Problem leftOver = fields.leftOver();
    if (leftOver != null) {
      return new Outcome<>(results, leftOver);
    }
    if (files == 0) {
      return new Outcome<>(
          results,
          violation(FILE, "no file was sent: send one or more file parts named " + FILE + "."));
    }
    return new Outcome<>(results, null);
  }

  /**
   * The asset code a file name gives: the name itself, each character other than letters, digits,
   * {@code _ . -} replaced by {@code _}, and without the {@code . _ -} it starts with (which would
   * make a hidden or odd name). Empty when nothing is left.
   */
  static String codeOf(String fileName) {
    if (fileName == null) {
      return "";
    }
    return LEADING.matcher(NOT_IN_CODE.matcher(fileName).replaceAll("_")).replaceFirst("");
  }

  /**
   * The name of a file without the folders a browser may send with it (a dropped folder's files
   * come as {@code folder/file.jpg}): RFC 7578 asks receivers not to use them.
   */
  static String baseName(String sentName) {
    if (sentName == null || sentName.isEmpty()) {
      return null;
    }
    return sentName.substring(Math.max(sentName.lastIndexOf('/'), sentName.lastIndexOf('\\')) + 1);
  }

  private static boolean isForm(String contentType) {
    return contentType != null && FORM.matcher(contentType).matches();
  }

  private static String text(FileItemInput part) throws IOException {
    try (InputStream in = part.getInputStream()) {
      byte[] value = in.readNBytes(MAX_FIELD_BYTES + 1);
      if (value.length > MAX_FIELD_BYTES) {
        // Named in the violation Fields.put gives for an overlong value.
        return null;
      }
      return new String(value, StandardCharsets.UTF_8).strip();
    }
  }

  private static Problem violation(String field, String message) {
    return Problem.validation(List.of(Violation.of(field, message)));
  }

  private static Problem tooManyFiles() {
    return Problem.of(
        "payload-too-large",
        "Too many files",
        413,
        "An upload holds at most "
            + MAX_FILES
            + " files; send the rest in further requests (items lists what was done with the first "
            + MAX_FILES
            + ").");
  }

  private static Problem unreadable(IOException e) {
    return Problem.badRequest(
        "The multipart/form-data body could not be read: "
            + e.getMessage()
            + (e.getMessage() != null && e.getMessage().endsWith(".") ? "" : "."));
  }

  /**
   * The text fields read so far: a code applies to the next file part, a family to every file part
   * after it (a form sends its family choice once, before the dropped files).
   */
  private static final class Fields {
    private final Set<String> codes = new HashSet<>();
    private String code;
    private String family;

    /** Keeps a field for the next file part, or says why it cannot be. */
    Problem put(String name, String value) {
      if (value == null) {
        return violation(name, "must be at most " + MAX_FIELD_BYTES + " bytes long.");
      }
      switch (name) {
        case CODE -> {
          if (code != null) {
            return violation(
                CODE, "was sent twice before one file part: a code applies to the file after it.");
          }
          code = value;
        }
        case FAMILY -> family = value.isBlank() ? null : value.strip();
        default -> {
          return violation(
              name,
              "is not a field of an asset upload; the fields are "
                  + CODE
                  + " (before a file part, that file's code), "
                  + FAMILY
                  + " (the asset family of the file parts after it) and "
                  + FILE
                  + ".");
        }
      }
      return null;
    }

    /** The file part sent with the fields read before it, which it uses up. */
    FilePart take(String sentName, String contentType, InputStream content) {
      String fileName = baseName(sentName);
      String fileCode = code != null ? code : codeOf(fileName);
      code = null;
      Problem refusal = null;
      if (fileCode.isEmpty()) {
        refusal =
            violation(
                CODE,
                "cannot be made from the file name '"
                    + (fileName == null ? "" : fileName)
                    + "': send a "
                    + CODE
                    + " field before the file.");
      } else if (!codes.add(fileCode)) {
        // Two names that differ only in characters a code cannot hold ("a b.jpg", "a_b.jpg"):
        // the second would silently replace the first.
        refusal =
            violation(
                CODE,
                "'"
                    + fileCode
                    + "' is the code of an earlier file of this upload: send a "
                    + CODE
                    + " field before the file, or rename it.");
      }
      return new FilePart(sentName, fileName, contentType, fileCode, family, refusal, content);
    }

    /** A problem when a field was sent after the last file part, which it cannot apply to. */
    Problem leftOver() {
      return code == null
          ? null
          : violation(CODE, "applies to the file part after it, and none followed.");
    }
  }

  /**
   * A file part's bytes, remembering whether reading them failed: a body cut short or broken is the
   * request's problem, not the file's.
   */
  private static final class PartContent extends FilterInputStream {
    IOException failure;

    PartContent(InputStream part) {
      super(new PushbackInputStream(part, 1));
    }

    boolean isEmpty() throws IOException {
      int first = read();
      if (first < 0) {
        return true;
      }
      ((PushbackInputStream) in).unread(first);
      return false;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        return super.read(buffer, offset, length);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }
  }

  private static RequestContext request(String contentType, InputStream body) {
    return new RequestContext() {
      @Override
      public String getCharacterEncoding() {
        return null;
      }

      @Override
      public long getContentLength() {
        return -1;
      }

      @Override
      public String getContentType() {
        return contentType;
      }

      @Override
      public InputStream getInputStream() {
        return body;
      }

      @Override
      public boolean isMultipartRelated() {
        return false;
      }
    };
  }

  /** FileUpload's streaming parser over any stream; its methods that keep whole parts unused. */
  private static final class Parser
      extends AbstractFileUpload<RequestContext, DiskFileItem, DiskFileItemFactory> {
    Parser() {
      setHeaderCharset(StandardCharsets.UTF_8);
      setMaxPartHeaderSize(MAX_PART_HEADER_BYTES);
    }

    @Override
    public FileItemInputIterator getItemIterator(RequestContext request) throws IOException {
      return super.getItemIterator(request);
    }

    @Override
    public Map<String, List<DiskFileItem>> parseParameterMap(RequestContext request) {
      throw new UnsupportedOperationException("parts are streamed, never kept");
    }

    @Override
    public List<DiskFileItem> parseRequest(RequestContext request) {
      throw new UnsupportedOperationException("parts are streamed, never kept");
    }
  }
}
