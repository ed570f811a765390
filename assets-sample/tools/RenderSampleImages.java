import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Renders the product pictures of Vitrine's sample catalog (assets-sample/images/*.png).
 *
 * <p>Uses nothing but the JDK (Java2D): flat shapes, a little gradient shading and a studio-style
 * background. No fonts are used, so the output does not depend on the fonts installed on the machine.
 *
 * <pre>java assets-sample/tools/RenderSampleImages.java assets-sample/images</pre>
 *
 * The asset codes drawn here are the ones referenced by the "images" values in products.ndjson.
 */
public class RenderSampleImages {

    static final int SIZE = 800;

    /** Colour option codes of the sample catalog mapped to the sRGB colour used to draw them. */
    static final Map<String, Color> PALETTE = new LinkedHashMap<>();

    static {
        PALETTE.put("navy", new Color(0x27375A));
        PALETTE.put("white", new Color(0xF7F6F2));
        PALETTE.put("heather_grey", new Color(0xA9ABAE));
        PALETTE.put("black", new Color(0x2A2A2C));
        PALETTE.put("coral", new Color(0xEE7B69));
        PALETTE.put("sand", new Color(0xD8C29E));
        PALETTE.put("forest_green", new Color(0x2F5E47));
        PALETTE.put("charcoal", new Color(0x45494F));
        PALETTE.put("sage", new Color(0x9DB296));
        PALETTE.put("burgundy", new Color(0x7B2636));
        PALETTE.put("mustard", new Color(0xD9A232));
        PALETTE.put("cream", new Color(0xF0E7D3));
        PALETTE.put("sky_blue", new Color(0x6FA9DB));
        PALETTE.put("terracotta", new Color(0xC56A4A));
        PALETTE.put("chestnut", new Color(0x7C4A2B));
        PALETTE.put("natural", new Color(0xE3D6BF));
    }

    static final Color BG_TOP = new Color(0xF7F5F1);
    static final Color BG_BOTTOM = new Color(0xE7E2DA);
    static final Color RUBBER = new Color(0x3A3A3C);
    static final Color FOAM = new Color(0xF4F2EC);
    static final Color CLAY = new Color(0xC9A884);
    static final Color LINEN = new Color(0xEFE8DA);
    static final Color BRASS = new Color(0xC9A253);
    static final Color OAK = new Color(0xC79B62);
    static final Color WARM_LIGHT = new Color(0xFFE7A8);

    record Job(String code, BiConsumer<Graphics2D, Color> painter, Color color) {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "assets-sample/images");
        Files.createDirectories(out);
        List<Job> jobs = new java.util.ArrayList<>();
        add(jobs, "tshirt_crew", (g, c) -> tshirt(g, c, false), "navy", "white", "heather_grey");
        add(jobs, "tshirt_boxy", (g, c) -> tshirt(g, c, true), "coral", "sand", "black");
        add(jobs, "hoodie", (g, c) -> hoodie(g, c, false), "forest_green", "charcoal");
        add(jobs, "hoodie_cropped", (g, c) -> hoodie(g, c, true), "sage", "burgundy");
        add(jobs, "jacket", RenderSampleImages::jacket, "mustard", "navy");
        add(jobs, "sweater", RenderSampleImages::sweater, "cream", "burgundy");
        add(jobs, "beanie", RenderSampleImages::beanie, "charcoal", "mustard", "forest_green");
        add(jobs, "socks", RenderSampleImages::socks, "navy", "heather_grey");
        add(jobs, "shoe_road", (g, c) -> runningShoe(g, c, false), "sky_blue", "black", "coral");
        add(jobs, "shoe_trail", (g, c) -> runningShoe(g, c, true), "forest_green", "terracotta");
        add(jobs, "sneaker", RenderSampleImages::sneaker, "white", "navy");
        add(jobs, "slipon", RenderSampleImages::slipOn, "sand", "charcoal");
        add(jobs, "boot", RenderSampleImages::boot, "chestnut");
        add(jobs, "mug", RenderSampleImages::mug, "sage", "terracotta", "cream", "charcoal");
        add(jobs, "espresso", RenderSampleImages::espressoCups, "white", "navy");
        add(jobs, "plate", RenderSampleImages::plate, "cream", "sage");
        add(jobs, "bowl", RenderSampleImages::bowl, "terracotta", "cream");
        add(jobs, "teapot", RenderSampleImages::teapot, "charcoal", "sky_blue");
        add(jobs, "cushion", (g, c) -> cushion(g, c, false), "mustard", "sage", "natural");
        add(jobs, "cushion_lumbar", (g, c) -> cushion(g, c, true), "burgundy", "forest_green");
        add(jobs, "vase", RenderSampleImages::vase, "white", "terracotta");
        add(jobs, "candle", RenderSampleImages::candle, "cream", "sage");
        add(jobs, "lamp_table", RenderSampleImages::tableLamp, "sand", "black");
        add(jobs, "lamp_mushroom", RenderSampleImages::mushroomLamp, "white");
        add(jobs, "lamp_floor", RenderSampleImages::floorLamp, "natural", "black");
        add(jobs, "pendant", RenderSampleImages::pendant, "black", "sage", "terracotta");

        long total = 0;
        for (Job job : jobs) {
            BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            background(g);
            job.painter().accept(g, job.color());
            g.dispose();
            Path file = out.resolve(job.code() + ".png");
            writePng(img, file);
            total += Files.size(file);
        }
        System.out.printf("Rendered %d images into %s (%d KiB)%n", jobs.size(), out, total / 1024);
    }

    /** Writes a PNG with the strongest deflate level (the JDK's default favours speed over size). */
    static void writePng(BufferedImage img, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0f);
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    static void add(List<Job> jobs, String prefix, BiConsumer<Graphics2D, Color> painter, String... colors) {
        for (String c : colors) {
            Color color = PALETTE.get(c);
            if (color == null) {
                throw new IllegalArgumentException("unknown colour " + c);
            }
            jobs.add(new Job(prefix + "_" + c, painter, color));
        }
    }

    // ------------------------------------------------------------------ helpers

    static void background(Graphics2D g) {
        g.setPaint(new GradientPaint(0, 0, BG_TOP, 0, SIZE, BG_BOTTOM));
        g.fillRect(0, 0, SIZE, SIZE);
    }

    static Color mix(Color a, Color b, double t) {
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    static Color darker(Color c, double t) {
        return mix(c, Color.BLACK, t);
    }

    static Color lighter(Color c, double t) {
        return mix(c, Color.WHITE, t);
    }

    static Color alpha(Color c, int a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }

    static boolean isDark(Color c) {
        return (c.getRed() * 299 + c.getGreen() * 587 + c.getBlue() * 114) / 1000 < 110;
    }

    /** Outline colour that stays visible on both light and dark fills. */
    static Color edge(Color c) {
        return isDark(c) ? darker(c, 0.45) : darker(c, 0.28);
    }

    /** Soft contact shadow on the studio floor. */
    static void shadow(Graphics2D g, double cx, double cy, double rx, double ry, int strength) {
        AffineTransform saved = g.getTransform();
        g.translate(cx, cy);
        g.scale(rx / 100.0, ry / 100.0);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(0, 0), 100f, new float[] {0f, 0.55f, 1f},
                new Color[] {new Color(0, 0, 0, strength), new Color(0, 0, 0, strength / 2), new Color(0, 0, 0, 0)}));
        g.fill(new Ellipse2D.Double(-100, -100, 200, 200));
        g.setTransform(saved);
    }

    /** Flat fill with a soft key light from the upper left and a little fall-off on the right. */
    static void shaded(Graphics2D g, Shape s, Color base) {
        shaded(g, s, base, 60, 55);
    }

    static void shaded(Graphics2D g, Shape s, Color base, int highlight, int shade) {
        g.setColor(base);
        g.fill(s);
        Shape clip = g.getClip();
        g.clip(s);
        Rectangle b = s.getBounds();
        g.setPaint(new GradientPaint(b.x, b.y, new Color(255, 255, 255, highlight),
                b.x + b.width * 0.5f, b.y + b.height * 0.25f, new Color(255, 255, 255, 0)));
        g.fill(b);
        g.setPaint(new GradientPaint(b.x + b.width * 0.55f, 0, new Color(0, 0, 0, 0),
                b.x + b.width, 0, new Color(0, 0, 0, shade)));
        g.fill(b);
        g.setClip(clip);
    }

    /** Shading for round objects seen from the side: light band left of centre, darker edges. */
    static void cylinder(Graphics2D g, Shape s, Color base) {
        g.setColor(base);
        g.fill(s);
        Shape clip = g.getClip();
        g.clip(s);
        Rectangle b = s.getBounds();
        float x0 = b.x;
        float w = b.width;
        g.setPaint(new java.awt.LinearGradientPaint(x0, 0, x0 + w, 0,
                new float[] {0f, 0.3f, 0.45f, 0.75f, 1f},
                new Color[] {new Color(0, 0, 0, 45), new Color(255, 255, 255, 70), new Color(255, 255, 255, 20),
                    new Color(0, 0, 0, 15), new Color(0, 0, 0, 70)},
                MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fill(b);
        g.setClip(clip);
    }

    static void outline(Graphics2D g, Shape s, Color c, float width) {
        g.setColor(c);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(s);
    }

    static void line(Graphics2D g, double x1, double y1, double x2, double y2, Color c, float width) {
        g.setColor(c);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    static void dashed(Graphics2D g, Shape s, Color c, float width) {
        g.setColor(c);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {9f, 7f}, 0f));
        g.draw(s);
    }

    static Path2D poly(double... xy) {
        Path2D p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }

    /** Mirror-symmetric outline around x = 400 given the right half as (x, y) points from top to bottom. */
    static Path2D symmetric(double... rightHalf) {
        Path2D p = new Path2D.Double();
        int n = rightHalf.length / 2;
        p.moveTo(800 - rightHalf[0], rightHalf[1]);
        for (int i = 0; i < n; i++) {
            p.lineTo(rightHalf[2 * i], rightHalf[2 * i + 1]);
        }
        for (int i = n - 1; i >= 0; i--) {
            p.lineTo(800 - rightHalf[2 * i], rightHalf[2 * i + 1]);
        }
        p.closePath();
        return p;
    }

    static Shape mirror(Shape s) {
        AffineTransform t = new AffineTransform(-1, 0, 0, 1, 800, 0);
        return t.createTransformedShape(s);
    }

    static void ribLines(Graphics2D g, Shape area, Color c, double spacing, boolean vertical) {
        Shape clip = g.getClip();
        g.clip(area);
        Rectangle b = area.getBounds();
        g.setColor(c);
        g.setStroke(new BasicStroke(2f));
        if (vertical) {
            for (double x = b.x + spacing / 2; x < b.x + b.width; x += spacing) {
                g.draw(new Line2D.Double(x, b.y, x, b.y + b.height));
            }
        } else {
            for (double y = b.y + spacing / 2; y < b.y + b.height; y += spacing) {
                g.draw(new Line2D.Double(b.x, y, b.x + b.width, y));
            }
        }
        g.setClip(clip);
    }

    // ------------------------------------------------------------------ apparel

    static void tshirt(Graphics2D g, Color c, boolean boxy) {
        shadow(g, 400, boxy ? 665 : 705, 230, 26, 50);
        double shoulderX = boxy ? 585 : 555;
        double shoulderY = boxy ? 215 : 200;
        double sleeveOutX = boxy ? 690 : 670;
        double sleeveOutY = boxy ? 330 : 305;
        double cuffX = boxy ? 640 : 615;
        double cuffY = boxy ? 395 : 360;
        double armpitX = boxy ? 585 : 560;
        double armpitY = boxy ? 375 : 320;
        double hemX = boxy ? 590 : 560;
        double hemY = boxy ? 600 : 655;
        Path2D body = new Path2D.Double();
        body.moveTo(338, 168);
        body.quadTo(400, 222, 462, 168);
        body.lineTo(shoulderX, shoulderY);
        body.lineTo(sleeveOutX, sleeveOutY);
        body.lineTo(cuffX, cuffY);
        body.lineTo(armpitX, armpitY);
        body.lineTo(hemX, hemY);
        body.quadTo(400, hemY + 14, 800 - hemX, hemY);
        body.lineTo(800 - armpitX, armpitY);
        body.lineTo(800 - cuffX, cuffY);
        body.lineTo(800 - sleeveOutX, sleeveOutY);
        body.lineTo(800 - shoulderX, shoulderY);
        body.closePath();
        // inside of the back neck
        Path2D back = new Path2D.Double();
        back.moveTo(338, 168);
        back.quadTo(400, 148, 462, 168);
        back.quadTo(400, 222, 338, 168);
        g.setColor(darker(c, 0.3));
        g.fill(back);
        shaded(g, body, c);
        Color e = edge(c);
        Shape clip = g.getClip();
        g.clip(body);
        // sleeve folds and side seams
        line(g, 800 - armpitX, armpitY, 800 - shoulderX + 10, shoulderY + 20, alpha(e, 110), 2.5f);
        line(g, armpitX, armpitY, shoulderX - 10, shoulderY + 20, alpha(e, 110), 2.5f);
        // cuff and hem stitching
        double sleeveLen = Math.hypot(sleeveOutX - armpitX, sleeveOutY - armpitY);
        double ux = (sleeveOutX - armpitX) / sleeveLen;
        double uy = (sleeveOutY - armpitY) / sleeveLen;
        double off = 22;
        dashed(g, new Line2D.Double(sleeveOutX - ux * off, sleeveOutY - uy * off, cuffX - ux * off, cuffY - uy * off),
                alpha(e, 150), 2f);
        dashed(g, new Line2D.Double(800 - sleeveOutX + ux * off, sleeveOutY - uy * off, 800 - cuffX + ux * off,
                cuffY - uy * off), alpha(e, 150), 2f);
        Path2D hem = new Path2D.Double();
        hem.moveTo(800 - hemX + 4, hemY - 22);
        hem.quadTo(400, hemY - 8, hemX - 4, hemY - 22);
        dashed(g, hem, alpha(e, 150), 2f);
        // rib collar
        Path2D collar = new Path2D.Double();
        collar.moveTo(338, 168);
        collar.quadTo(400, 222, 462, 168);
        g.setColor(darker(c, 0.12));
        g.setStroke(new BasicStroke(26f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        g.draw(collar);
        // a few soft drape folds
        Path2D fold = new Path2D.Double();
        fold.moveTo(330, 420);
        fold.quadTo(350, 540, 320, hemY - 30);
        outline(g, fold, alpha(e, 60), 3f);
        Path2D fold2 = new Path2D.Double();
        fold2.moveTo(480, 360);
        fold2.quadTo(455, 470, 490, hemY - 40);
        outline(g, fold2, alpha(e, 50), 3f);
        g.setClip(clip);
        outline(g, body, e, 3f);
        outline(g, collar, e, 2.5f);
    }

    /** Long-sleeved top silhouette; {@code hemY} sets the body length. */
    static Path2D longSleeveBody(double hemY, double hemHalf) {
        Path2D body = new Path2D.Double();
        body.moveTo(335, 175);
        body.quadTo(400, 228, 465, 175);
        body.lineTo(565, 205);
        body.quadTo(620, 235, 635, 330);
        body.lineTo(690, 585);
        body.lineTo(628, 600);
        body.lineTo(580, 390);
        body.lineTo(400 + hemHalf, hemY);
        body.quadTo(400, hemY + 12, 400 - hemHalf, hemY);
        body.lineTo(220, 390);
        body.lineTo(172, 600);
        body.lineTo(110, 585);
        body.lineTo(165, 330);
        body.quadTo(180, 235, 235, 205);
        body.closePath();
        return body;
    }

    static void cuffsAndHem(Graphics2D g, Color c, double hemY, double hemHalf, double band) {
        Color rib = darker(c, 0.1);
        Color e = edge(c);
        Shape cuffR = poly(682, 550, 626, 563, 628, 600, 690, 585);
        Shape cuffL = mirror(cuffR);
        Shape hem = poly(400 - hemHalf - 2, hemY - band, 400 + hemHalf + 2, hemY - band, 400 + hemHalf, hemY,
                400 - hemHalf, hemY);
        for (Shape s : new Shape[] {cuffR, cuffL, hem}) {
            g.setColor(rib);
            g.fill(s);
            ribLines(g, s, alpha(darker(c, 0.35), 120), 9, true);
            outline(g, s, e, 2.5f);
        }
    }

    static void hood(Graphics2D g, Color c) {
        Path2D hood = new Path2D.Double();
        hood.moveTo(318, 215);
        hood.curveTo(300, 120, 350, 78, 400, 78);
        hood.curveTo(450, 78, 500, 120, 482, 215);
        hood.closePath();
        shaded(g, hood, darker(c, 0.08));
        outline(g, hood, edge(c), 3f);
    }

    static void hoodOpening(Graphics2D g, Color c) {
        // front of the hood lying around the neck, with the lining visible
        Path2D opening = new Path2D.Double();
        opening.moveTo(330, 178);
        opening.curveTo(320, 120, 480, 120, 470, 178);
        opening.quadTo(400, 262, 330, 178);
        g.setColor(darker(c, 0.32));
        g.fill(opening);
        outline(g, opening, edge(c), 3f);
        Path2D lip = new Path2D.Double();
        lip.moveTo(330, 178);
        lip.quadTo(400, 262, 470, 178);
        g.setColor(darker(c, 0.05));
        g.setStroke(new BasicStroke(18f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(lip);
    }

    static void hoodie(Graphics2D g, Color c, boolean cropped) {
        double hemY = cropped ? 540 : 650;
        double hemHalf = cropped ? 190 : 165;
        shadow(g, 400, 705, 260, 28, 50);
        hood(g, c);
        Path2D body = longSleeveBody(hemY, hemHalf);
        shaded(g, body, c);
        Color e = edge(c);
        outline(g, body, e, 3f);
        // sleeve seams
        line(g, 580, 390, 590, 240, alpha(e, 110), 2.5f);
        line(g, 220, 390, 210, 240, alpha(e, 110), 2.5f);
        cuffsAndHem(g, c, hemY, hemHalf, cropped ? 46 : 38);
        if (!cropped) {
            // kangaroo pocket
            Path2D pocket = new Path2D.Double();
            pocket.moveTo(300, 470);
            pocket.lineTo(500, 470);
            pocket.quadTo(525, 520, 545, 595);
            pocket.lineTo(255, 595);
            pocket.quadTo(275, 520, 300, 470);
            pocket.closePath();
            shaded(g, pocket, c, 25, 35);
            outline(g, pocket, e, 2.5f);
            Path2D openR = new Path2D.Double();
            openR.moveTo(500, 470);
            openR.quadTo(525, 520, 545, 595);
            outline(g, openR, darker(c, 0.4), 5f);
            outline(g, mirror(openR), darker(c, 0.4), 5f);
        }
        hoodOpening(g, c);
        // flat drawcords with metal tips
        Color cord = isDark(c) ? lighter(c, 0.55) : lighter(c, 0.6);
        line(g, 372, 215, 362, 360, cord, 7f);
        line(g, 428, 215, 440, 345, cord, 7f);
        line(g, 362, 360, 361, 382, new Color(0xB8B8B8), 8f);
        line(g, 440, 345, 441, 367, new Color(0xB8B8B8), 8f);
    }

    static void jacket(Graphics2D g, Color c) {
        double hemY = 640;
        double hemHalf = 170;
        shadow(g, 400, 700, 260, 28, 50);
        hood(g, c);
        Path2D body = longSleeveBody(hemY, hemHalf);
        shaded(g, body, c, 85, 60);
        Color e = edge(c);
        outline(g, body, e, 3f);
        // taped cuffs with hook-and-loop tabs
        Shape cuffR = poly(682, 550, 626, 563, 628, 600, 690, 585);
        g.setColor(darker(c, 0.18));
        g.fill(cuffR);
        g.fill(mirror(cuffR));
        // yoke seam across the chest
        Path2D yoke = new Path2D.Double();
        yoke.moveTo(232, 268);
        yoke.quadTo(400, 300, 568, 268);
        outline(g, yoke, alpha(e, 140), 2.5f);
        // sleeve seams
        line(g, 580, 390, 592, 240, alpha(e, 110), 2.5f);
        line(g, 220, 390, 208, 240, alpha(e, 110), 2.5f);
        // zipper
        line(g, 400, 215, 400, hemY + 6, darker(c, 0.45), 7f);
        line(g, 400, 215, 400, hemY + 6, alpha(new Color(0xD0D0D0), 160), 2f);
        g.setColor(new Color(0x9A9A9A));
        g.fill(new RoundRectangle2D.Double(393, 228, 14, 30, 5, 5));
        // welt pockets and a chest pocket zip
        line(g, 275, 470, 330, 560, darker(c, 0.4), 5f);
        line(g, 525, 470, 470, 560, darker(c, 0.4), 5f);
        line(g, 445, 300, 520, 300, darker(c, 0.4), 4f);
        // hem drawcord toggles
        g.setColor(RUBBER);
        g.fill(new Ellipse2D.Double(400 - hemHalf + 14, hemY - 22, 14, 22));
        g.fill(new Ellipse2D.Double(400 + hemHalf - 28, hemY - 22, 14, 22));
        hoodOpening(g, c);
        // hood peak
        Path2D peak = new Path2D.Double();
        peak.moveTo(345, 132);
        peak.quadTo(400, 112, 455, 132);
        outline(g, peak, darker(c, 0.2), 8f);
    }

    static void sweater(Graphics2D g, Color c) {
        double hemY = 640;
        double hemHalf = 160;
        shadow(g, 400, 700, 260, 28, 50);
        Path2D back = new Path2D.Double();
        back.moveTo(335, 175);
        back.quadTo(400, 150, 465, 175);
        back.quadTo(400, 228, 335, 175);
        g.setColor(darker(c, 0.28));
        g.fill(back);
        Path2D body = longSleeveBody(hemY, hemHalf);
        shaded(g, body, c);
        // fine-gauge knit texture
        ribLines(g, body, alpha(darker(c, 0.25), 35), 7, true);
        Color e = edge(c);
        // fully fashioned raglan marks
        line(g, 445, 200, 575, 370, alpha(e, 110), 2.5f);
        line(g, 355, 200, 225, 370, alpha(e, 110), 2.5f);
        outline(g, body, e, 3f);
        cuffsAndHem(g, c, hemY, hemHalf, 44);
        Path2D collar = new Path2D.Double();
        collar.moveTo(335, 175);
        collar.quadTo(400, 228, 465, 175);
        g.setColor(darker(c, 0.1));
        g.setStroke(new BasicStroke(20f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(collar);
        g.setColor(alpha(darker(c, 0.35), 140));
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {2f, 7f}, 0f));
        g.draw(collar);
    }

    static void beanie(Graphics2D g, Color c) {
        shadow(g, 400, 640, 200, 24, 55);
        Path2D crown = new Path2D.Double();
        crown.moveTo(232, 520);
        crown.curveTo(215, 300, 300, 215, 400, 215);
        crown.curveTo(500, 215, 585, 300, 568, 520);
        crown.closePath();
        shaded(g, crown, c);
        // 2x2 rib converging towards the crown
        Shape clip = g.getClip();
        g.clip(crown);
        for (int i = -9; i <= 9; i++) {
            double xb = 400 + i * 19;
            Path2D rib = new Path2D.Double();
            rib.moveTo(xb, 530);
            rib.quadTo(400 + i * 17, 330, 400 + i * 4, 210);
            outline(g, rib, alpha(darker(c, 0.35), 110), 3f);
        }
        g.setClip(clip);
        outline(g, crown, edge(c), 3f);
        // turn-up cuff
        RoundRectangle2D cuff = new RoundRectangle2D.Double(222, 470, 356, 150, 40, 40);
        shaded(g, cuff, darker(c, 0.06));
        g.clip(cuff);
        for (double x = 232; x < 580; x += 19) {
            line(g, x, 470, x, 620, alpha(darker(c, 0.35), 120), 3.5f);
        }
        g.setClip(clip);
        outline(g, cuff, edge(c), 3f);
        // small woven label
        g.setColor(new Color(0xF2EEE6));
        g.fill(new Rectangle2D.Double(372, 520, 56, 36));
        outline(g, new Rectangle2D.Double(372, 520, 56, 36), new Color(0xB9B2A5), 2f);
        line(g, 384, 538, 416, 538, new Color(0x8A8378), 3f);
    }

    static Path2D sockShape() {
        Path2D s = new Path2D.Double();
        s.moveTo(0, 0);
        s.lineTo(120, 0);
        s.lineTo(120, 290);
        s.quadTo(122, 318, 150, 322);
        s.lineTo(250, 330);
        s.curveTo(300, 334, 300, 430, 250, 430);
        s.lineTo(80, 430);
        s.curveTo(10, 430, -10, 380, 0, 320);
        s.closePath();
        return s;
    }

    static void socks(Graphics2D g, Color c) {
        shadow(g, 420, 690, 230, 24, 45);
        Color contrast = new Color(0xEDE7DA);
        Color stripe = new Color(0xD9A232);
        for (int k = 0; k < 2; k++) {
            AffineTransform saved = g.getTransform();
            g.translate(k == 0 ? 300 : 230, k == 0 ? 150 : 230);
            Path2D sock = sockShape();
            Color base = k == 0 ? darker(c, 0.1) : c;
            shaded(g, sock, base);
            Shape clip = g.getClip();
            g.clip(sock);
            // heel, toe and cuff in a contrasting yarn
            g.setColor(contrast);
            g.fill(new Ellipse2D.Double(-30, 330, 120, 120));
            g.fill(new Ellipse2D.Double(215, 320, 120, 120));
            g.setColor(base);
            g.fill(new Rectangle2D.Double(-10, 0, 140, 60));
            ribLines(g, new Rectangle2D.Double(0, 0, 120, 60), alpha(darker(c, 0.35), 140), 8, true);
            g.setColor(stripe);
            g.fill(new Rectangle2D.Double(0, 78, 120, 12));
            g.setColor(contrast);
            g.fill(new Rectangle2D.Double(0, 96, 120, 8));
            g.setClip(clip);
            outline(g, sock, edge(c), 3f);
            g.setTransform(saved);
        }
    }

    // ------------------------------------------------------------------ footwear

    static Path2D runningUpper() {
        Path2D u = new Path2D.Double();
        u.moveTo(128, 548);
        u.curveTo(130, 505, 170, 478, 240, 462);
        u.curveTo(320, 445, 400, 420, 462, 392);
        u.lineTo(492, 384);
        u.quadTo(540, 415, 585, 402);
        u.curveTo(625, 390, 648, 392, 656, 420);
        u.curveTo(668, 455, 666, 490, 660, 520);
        u.lineTo(180, 545);
        u.closePath();
        return u;
    }

    static void runningShoe(Graphics2D g, Color c, boolean trail) {
        shadow(g, 400, 628, 300, 26, 60);
        Color e = edge(c);
        // outsole
        Path2D out = new Path2D.Double();
        out.moveTo(118, 560);
        out.quadTo(120, 600, 190, 606);
        out.lineTo(650, 612);
        out.quadTo(690, 610, 688, 575);
        out.lineTo(680, 560);
        out.closePath();
        g.setColor(trail ? RUBBER : darker(FOAM, 0.55));
        g.fill(out);
        if (trail) {
            g.setColor(RUBBER);
            for (double x = 160; x < 670; x += 38) {
                g.fill(new RoundRectangle2D.Double(x, 600, 22, 20, 6, 6));
            }
        }
        // midsole foam, thicker under the heel
        Path2D mid = new Path2D.Double();
        mid.moveTo(118, 560);
        mid.curveTo(112, 530, 130, 515, 170, 530);
        mid.lineTo(560, 505);
        mid.quadTo(660, 480, 682, 500);
        mid.quadTo(692, 545, 680, 575);
        mid.lineTo(190, 590);
        mid.quadTo(130, 590, 118, 560);
        mid.closePath();
        Color foam = trail ? new Color(0xE9E3D6) : FOAM;
        shaded(g, mid, foam, 40, 30);
        line(g, 200, 565, 640, 548, alpha(darker(foam, 0.25), 160), 2.5f);
        outline(g, mid, darker(foam, 0.35), 2.5f);
        // upper
        Path2D up = runningUpper();
        shaded(g, up, c);
        Shape clip = g.getClip();
        g.clip(up);
        // engineered mesh perforations on the forefoot
        g.setColor(alpha(darker(c, 0.35), 90));
        for (int row = 0; row < 5; row++) {
            for (int col = 0; col < 9; col++) {
                double x = 165 + col * 22 + (row % 2) * 11;
                double y = 478 + row * 13;
                g.fill(new Ellipse2D.Double(x, y, 5, 5));
            }
        }
        // midfoot saddle overlay in a lighter tone, with stitching
        Color saddleC = isDark(c) ? lighter(c, 0.25) : lighter(c, 0.35);
        Path2D saddle = new Path2D.Double();
        saddle.moveTo(330, 440);
        saddle.lineTo(478, 392);
        saddle.quadTo(520, 460, 540, 560);
        saddle.lineTo(360, 560);
        saddle.quadTo(360, 490, 330, 440);
        saddle.closePath();
        g.setColor(saddleC);
        g.fill(saddle);
        Path2D stitch = new Path2D.Double();
        stitch.moveTo(346, 452);
        stitch.quadTo(372, 495, 374, 545);
        dashed(g, stitch, alpha(darker(c, 0.3), 160), 2f);
        Path2D stitch2 = new Path2D.Double();
        stitch2.moveTo(488, 410);
        stitch2.quadTo(515, 470, 526, 545);
        dashed(g, stitch2, alpha(darker(c, 0.3), 160), 2f);
        // heel counter
        Path2D heel = new Path2D.Double();
        heel.moveTo(575, 545);
        heel.quadTo(585, 460, 625, 395);
        heel.lineTo(700, 390);
        heel.lineTo(700, 545);
        heel.closePath();
        g.setColor(darker(c, 0.22));
        g.fill(heel);
        g.setClip(clip);
        if (trail) {
            // protective toe bumper
            Path2D toe = new Path2D.Double();
            toe.moveTo(128, 548);
            toe.curveTo(130, 510, 160, 485, 210, 472);
            toe.quadTo(196, 512, 210, 543);
            toe.closePath();
            g.setColor(RUBBER);
            g.fill(toe);
        }
        outline(g, up, e, 3f);
        // padded collar lining
        Path2D collar = new Path2D.Double();
        collar.moveTo(492, 384);
        collar.quadTo(540, 415, 585, 402);
        collar.curveTo(620, 392, 640, 392, 650, 405);
        outline(g, collar, darker(c, 0.45), 7f);
        // tongue
        Path2D tongue = new Path2D.Double();
        tongue.moveTo(462, 394);
        tongue.quadTo(462, 358, 492, 350);
        tongue.quadTo(506, 366, 494, 386);
        tongue.closePath();
        shaded(g, tongue, lighter(c, 0.15));
        outline(g, tongue, e, 2.5f);
        // laces
        Color lace = isDark(c) ? new Color(0xE8E6E1) : darker(c, 0.45);
        for (int i = 0; i < 6; i++) {
            double t = i / 5.0;
            double x = 290 + t * 165;
            double y = 458 - t * 58;
            line(g, x - 12, y - 12, x + 14, y + 12, lace, 5f);
            g.setColor(darker(c, 0.5));
            g.fill(new Ellipse2D.Double(x + 9, y + 8, 8, 8));
        }
        // brand mark: a small forward-pointing chevron in a roundel
        Color mark = isDark(c) ? new Color(0xF0B33A) : new Color(0xF7F4EE);
        g.setColor(mark);
        g.fill(new Ellipse2D.Double(596, 432, 34, 34));
        line(g, 620, 441, 607, 449, darker(c, 0.3), 4f);
        line(g, 607, 449, 620, 457, darker(c, 0.3), 4f);
        // heel pull tab
        g.setColor(mark);
        g.fill(new RoundRectangle2D.Double(644, 378, 20, 44, 10, 10));
    }

    static void sneaker(Graphics2D g, Color c) {
        shadow(g, 400, 622, 300, 24, 60);
        Color e = edge(c);
        Color sole = new Color(0xF3F0E8);
        // upper
        Path2D up = new Path2D.Double();
        up.moveTo(130, 540);
        up.curveTo(135, 490, 190, 470, 260, 460);
        up.curveTo(340, 448, 400, 410, 450, 370);
        up.lineTo(500, 365);
        up.quadTo(540, 390, 585, 385);
        up.curveTo(630, 380, 655, 400, 660, 450);
        up.lineTo(665, 540);
        up.closePath();
        shaded(g, up, c);
        // canvas weave
        ribLines(g, up, alpha(darker(c, 0.3), 35), 6, false);
        Color seam = alpha(darker(c, 0.4), 150);
        Path2D quarter = new Path2D.Double();
        quarter.moveTo(470, 540);
        quarter.quadTo(490, 450, 520, 380);
        dashed(g, quarter, seam, 2f);
        outline(g, up, e, 3f);
        // tongue
        Path2D tongue = new Path2D.Double();
        tongue.moveTo(450, 372);
        tongue.quadTo(455, 330, 490, 326);
        tongue.quadTo(505, 345, 500, 366);
        tongue.closePath();
        shaded(g, tongue, c);
        outline(g, tongue, e, 2.5f);
        // eyelets and laces
        for (int i = 0; i < 6; i++) {
            double t = i / 5.0;
            double x = 300 + t * 145;
            double y = 452 - t * 76;
            line(g, x - 12, y - 10, x + 14, y + 12, new Color(0xF7F6F2), 5f);
            g.setColor(new Color(0xB9B9B9));
            g.fill(new Ellipse2D.Double(x + 8, y + 6, 11, 11));
            g.setColor(darker(c, 0.5));
            g.fill(new Ellipse2D.Double(x + 11, y + 9, 5, 5));
        }
        // vulcanised cupsole with foxing stripe and toe cap
        Path2D cup = new Path2D.Double();
        cup.moveTo(118, 520);
        cup.quadTo(112, 600, 170, 605);
        cup.lineTo(650, 608);
        cup.quadTo(685, 605, 684, 560);
        cup.lineTo(680, 520);
        cup.lineTo(520, 530);
        cup.lineTo(118, 520);
        cup.closePath();
        shaded(g, cup, sole, 30, 25);
        line(g, 135, 572, 675, 578, darker(sole, 0.2), 3f);
        Path2D cap = new Path2D.Double();
        cap.moveTo(118, 525);
        cap.curveTo(120, 490, 150, 478, 200, 474);
        cap.quadTo(190, 505, 205, 532);
        cap.closePath();
        g.setColor(sole);
        g.fill(cap);
        outline(g, cap, darker(sole, 0.3), 2.5f);
        outline(g, cup, darker(sole, 0.3), 2.5f);
        // heel label
        g.setColor(darker(sole, 0.12));
        g.fill(new RoundRectangle2D.Double(645, 542, 26, 18, 6, 6));
    }

    static void slipOn(Graphics2D g, Color c) {
        shadow(g, 400, 620, 300, 24, 60);
        Color e = edge(c);
        Path2D up = new Path2D.Double();
        up.moveTo(128, 545);
        up.curveTo(130, 495, 190, 470, 270, 455);
        up.curveTo(350, 440, 420, 415, 480, 405);
        up.quadTo(560, 398, 620, 400);
        up.curveTo(650, 405, 660, 440, 662, 545);
        up.closePath();
        shaded(g, up, c);
        // knitted texture: rows of small chevrons
        Shape clip = g.getClip();
        g.clip(up);
        g.setColor(alpha(darker(c, 0.3), 70));
        g.setStroke(new BasicStroke(2f));
        for (double y = 405; y < 560; y += 12) {
            for (double x = 120; x < 680; x += 14) {
                Path2D v = new Path2D.Double();
                v.moveTo(x, y);
                v.lineTo(x + 7, y + 6);
                v.lineTo(x + 14, y);
                g.draw(v);
            }
        }
        g.setClip(clip);
        outline(g, up, e, 3f);
        // opening and elastic gore
        Path2D opening = new Path2D.Double();
        opening.moveTo(430, 420);
        opening.quadTo(530, 385, 630, 402);
        opening.quadTo(540, 430, 430, 420);
        g.setColor(darker(c, 0.5));
        g.fill(opening);
        Path2D gore = poly(410, 424, 445, 420, 430, 480);
        g.setColor(RUBBER);
        g.fill(gore);
        ribLines(g, gore, new Color(90, 90, 92), 5, false);
        // heel pull loop
        g.setColor(darker(c, 0.3));
        g.setStroke(new BasicStroke(6f));
        g.draw(new Arc2D.Double(632, 380, 34, 44, 0, 200, Arc2D.OPEN));
        // light sole
        Path2D sole = new Path2D.Double();
        sole.moveTo(118, 540);
        sole.quadTo(112, 598, 175, 602);
        sole.lineTo(650, 604);
        sole.quadTo(684, 600, 680, 560);
        sole.lineTo(676, 540);
        sole.closePath();
        Color soleC = new Color(0xF1ECE2);
        shaded(g, sole, soleC, 30, 25);
        line(g, 140, 585, 665, 588, darker(soleC, 0.5), 6f);
        outline(g, sole, darker(soleC, 0.3), 2.5f);
    }

    static void boot(Graphics2D g, Color c) {
        shadow(g, 410, 665, 280, 26, 65);
        Color e = edge(c);
        // lug outsole
        Path2D out = new Path2D.Double();
        out.moveTo(150, 590);
        out.quadTo(150, 640, 210, 645);
        out.lineTo(620, 648);
        out.quadTo(665, 646, 665, 600);
        out.lineTo(660, 585);
        out.closePath();
        g.setColor(RUBBER);
        g.fill(out);
        for (double x = 175; x < 650; x += 42) {
            g.fill(poly(x, 640, x + 28, 640, x + 24, 662, x + 4, 662));
        }
        // midsole
        Path2D mid = new Path2D.Double();
        mid.moveTo(150, 590);
        mid.quadTo(145, 560, 185, 558);
        mid.lineTo(660, 560);
        mid.lineTo(662, 600);
        mid.lineTo(160, 608);
        mid.closePath();
        g.setColor(new Color(0x8C8276));
        g.fill(mid);
        line(g, 170, 585, 655, 585, new Color(0x6E655B), 3f);
        // upper
        Path2D up = new Path2D.Double();
        up.moveTo(160, 565);
        up.curveTo(160, 505, 215, 480, 290, 465);
        up.curveTo(360, 450, 410, 380, 425, 230);
        up.lineTo(430, 190);
        up.quadTo(520, 175, 600, 195);
        up.curveTo(600, 260, 620, 300, 640, 360);
        up.curveTo(660, 430, 665, 500, 662, 565);
        up.closePath();
        shaded(g, up, c, 55, 65);
        Shape clip = g.getClip();
        g.clip(up);
        // nylon panels on the shaft
        Path2D panel = new Path2D.Double();
        panel.moveTo(440, 250);
        panel.quadTo(520, 270, 610, 245);
        panel.lineTo(650, 420);
        panel.quadTo(560, 470, 470, 430);
        panel.closePath();
        g.setColor(new Color(0x4A4E4A));
        g.fill(panel);
        ribLines(g, panel, new Color(255, 255, 255, 25), 6, false);
        // rubber toe rand
        g.setColor(RUBBER);
        g.fill(new Ellipse2D.Double(130, 470, 170, 130));
        g.setClip(clip);
        dashed(g, panel, alpha(lighter(c, 0.4), 180), 2f);
        outline(g, up, e, 3f);
        // padded collar
        Path2D collar = new Path2D.Double();
        collar.moveTo(425, 195);
        collar.quadTo(515, 150, 602, 195);
        collar.quadTo(515, 180, 425, 212);
        collar.closePath();
        g.setColor(darker(c, 0.35));
        g.fill(collar);
        // tongue
        Path2D tongue = new Path2D.Double();
        tongue.moveTo(420, 230);
        tongue.quadTo(420, 160, 455, 150);
        tongue.quadTo(480, 170, 470, 240);
        tongue.closePath();
        shaded(g, tongue, lighter(c, 0.1));
        outline(g, tongue, e, 2.5f);
        // laces zig-zag over eyelets and hooks
        Color lace = PALETTE.get("mustard");
        double[][] pts = {{300, 462}, {340, 440}, {375, 410}, {400, 370}, {418, 320}, {428, 270}, {436, 215}};
        for (int i = 0; i < pts.length - 1; i++) {
            line(g, pts[i][0] - 18, pts[i][1] - 6, pts[i + 1][0] + 20, pts[i + 1][1] + 8, lace, 6f);
        }
        for (double[] p : pts) {
            g.setColor(new Color(0x9E9E9E));
            g.fill(new Ellipse2D.Double(p[0] + 10, p[1] - 2, 14, 14));
            g.setColor(RUBBER);
            g.fill(new Ellipse2D.Double(p[0] + 14, p[1] + 2, 6, 6));
        }
        // pull loop
        g.setColor(PALETTE.get("mustard"));
        g.setStroke(new BasicStroke(7f));
        g.draw(new Arc2D.Double(588, 160, 36, 60, -20, 200, Arc2D.OPEN));
    }

    // ------------------------------------------------------------------ home

    static void speckles(Graphics2D g, Shape s, Color c, int count, long seed) {
        Random r = new Random(seed);
        Shape clip = g.getClip();
        g.clip(s);
        Rectangle b = s.getBounds();
        g.setColor(c);
        for (int i = 0; i < count; i++) {
            double x = b.x + r.nextDouble() * b.width;
            double y = b.y + r.nextDouble() * b.height;
            double d = 1.5 + r.nextDouble() * 2.5;
            g.fill(new Ellipse2D.Double(x, y, d, d));
        }
        g.setClip(clip);
    }

    static void mug(Graphics2D g, Color c) {
        shadow(g, 420, 612, 230, 26, 65);
        Color e = edge(c);
        // handle (drawn first, the body covers its ends)
        Area handle = new Area(new Ellipse2D.Double(470, 370, 170, 190));
        handle.subtract(new Area(new Ellipse2D.Double(505, 408, 100, 114)));
        shaded(g, handle, c);
        outline(g, handle, e, 3f);
        // body with a raw clay foot
        Path2D body = new Path2D.Double();
        body.moveTo(270, 320);
        body.lineTo(530, 320);
        body.lineTo(526, 585);
        body.quadTo(525, 606, 500, 608);
        body.lineTo(300, 608);
        body.quadTo(275, 606, 274, 585);
        body.closePath();
        cylinder(g, body, CLAY);
        Path2D glaze = new Path2D.Double();
        glaze.moveTo(265, 300);
        glaze.lineTo(540, 300);
        glaze.lineTo(540, 560);
        glaze.curveTo(500, 568, 480, 552, 440, 566);
        glaze.curveTo(400, 580, 360, 556, 320, 568);
        glaze.curveTo(300, 574, 285, 560, 265, 566);
        glaze.closePath();
        Area glazed = new Area(body);
        glazed.intersect(new Area(glaze));
        cylinder(g, glazed, c);
        speckles(g, glazed, alpha(darker(c, 0.45), 110), 140, c.getRGB());
        outline(g, body, e, 3f);
        // rim and inside
        Ellipse2D rim = new Ellipse2D.Double(270, 298, 260, 46);
        g.setColor(darker(c, 0.15));
        g.fill(rim);
        g.setColor(darker(c, 0.35));
        g.fill(new Ellipse2D.Double(282, 306, 236, 34));
        outline(g, rim, lighter(c, 0.35), 4f);
    }

    static void espressoCups(Graphics2D g, Color c) {
        for (int k = 0; k < 2; k++) {
            double ox = k == 0 ? -140 : 130;
            double oy = k == 0 ? -10 : 40;
            double cx = 400 + ox;
            shadow(g, cx + 10, 588 + oy, 165, 22, 60);
            // saucer
            Ellipse2D saucer = new Ellipse2D.Double(cx - 150, 540 + oy, 300, 64);
            shaded(g, new Ellipse2D.Double(cx - 150, 550 + oy, 300, 64), darker(c, 0.12), 20, 30);
            shaded(g, saucer, c, 45, 30);
            outline(g, saucer, edge(c), 2.5f);
            g.setColor(darker(c, 0.08));
            g.fill(new Ellipse2D.Double(cx - 70, 556 + oy, 140, 30));
            // handle
            Area handle = new Area(new Ellipse2D.Double(cx + 55, 430 + oy, 70, 80));
            handle.subtract(new Area(new Ellipse2D.Double(cx + 75, 450 + oy, 34, 42)));
            shaded(g, handle, c);
            outline(g, handle, edge(c), 2.5f);
            // tulip-shaped cup
            Path2D cup = new Path2D.Double();
            cup.moveTo(cx - 85, 410 + oy);
            cup.curveTo(cx - 90, 480 + oy, cx - 70, 560 + oy, cx - 40, 570 + oy);
            cup.lineTo(cx + 40, 570 + oy);
            cup.curveTo(cx + 70, 560 + oy, cx + 90, 480 + oy, cx + 85, 410 + oy);
            cup.closePath();
            cylinder(g, cup, c);
            outline(g, cup, edge(c), 2.5f);
            Ellipse2D rim = new Ellipse2D.Double(cx - 86, 396 + oy, 172, 30);
            g.setColor(PALETTE.get("white").equals(c) ? new Color(0xE4E0DA) : lighter(c, 0.85));
            g.fill(rim);
            g.setColor(new Color(0x5A3520));
            g.fill(new Ellipse2D.Double(cx - 72, 404 + oy, 144, 20));
            g.setColor(new Color(0xB07A4A));
            g.fill(new Ellipse2D.Double(cx - 50, 408 + oy, 90, 12));
            outline(g, rim, edge(c), 2.5f);
        }
    }

    static void plate(Graphics2D g, Color c) {
        shadow(g, 400, 545, 330, 70, 55);
        Color e = edge(c);
        Ellipse2D under = new Ellipse2D.Double(90, 318, 620, 290);
        g.setColor(darker(c, 0.22));
        g.fill(under);
        g.setColor(CLAY);
        g.fill(new Ellipse2D.Double(240, 460, 320, 140));
        Ellipse2D top = new Ellipse2D.Double(90, 300, 620, 290);
        shaded(g, top, c, 70, 35);
        Ellipse2D well = new Ellipse2D.Double(185, 348, 430, 196);
        g.setColor(darker(c, 0.06));
        g.fill(well);
        shaded(g, new Ellipse2D.Double(195, 358, 410, 180), lighter(c, 0.04), 40, 25);
        speckles(g, top, alpha(darker(c, 0.5), 120), 420, c.getRGB());
        outline(g, well, alpha(e, 120), 2f);
        outline(g, top, e, 3f);
        // rim highlight
        g.setColor(new Color(255, 255, 255, 120));
        g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Arc2D.Double(110, 312, 580, 266, 110, 70, Arc2D.OPEN));
    }

    static void bowl(Graphics2D g, Color c) {
        shadow(g, 400, 612, 220, 34, 65);
        Color e = edge(c);
        // foot ring in raw clay
        Path2D foot = poly(320, 570, 480, 570, 474, 612, 326, 612);
        cylinder(g, foot, CLAY);
        outline(g, foot, darker(CLAY, 0.3), 2.5f);
        // outside of the bowl
        Path2D body = new Path2D.Double();
        body.moveTo(160, 360);
        body.curveTo(170, 500, 260, 590, 400, 592);
        body.curveTo(540, 590, 630, 500, 640, 360);
        body.closePath();
        cylinder(g, body, c);
        speckles(g, body, alpha(darker(c, 0.45), 120), 200, c.getRGB());
        outline(g, body, e, 3f);
        // inside
        Ellipse2D rim = new Ellipse2D.Double(160, 308, 480, 104);
        g.setColor(darker(c, 0.1));
        g.fill(rim);
        Shape clip = g.getClip();
        g.clip(rim);
        g.setPaint(new GradientPaint(160, 310, darker(c, 0.3), 400, 410, lighter(c, 0.1)));
        g.fill(new Ellipse2D.Double(172, 318, 456, 150));
        g.setClip(clip);
        outline(g, rim, lighter(c, 0.3), 4f);
        outline(g, new Ellipse2D.Double(160, 308, 480, 104), e, 2f);
    }

    static void teapot(Graphics2D g, Color c) {
        shadow(g, 410, 628, 250, 28, 65);
        Color e = edge(c);
        // handle on the right
        Area handle = new Area(new Ellipse2D.Double(490, 330, 170, 210));
        handle.subtract(new Area(new Ellipse2D.Double(520, 362, 110, 148)));
        handle.subtract(new Area(new Rectangle2D.Double(440, 300, 90, 260)));
        shaded(g, handle, c);
        outline(g, handle, e, 3f);
        // spout on the left
        Path2D spout = new Path2D.Double();
        spout.moveTo(275, 500);
        spout.curveTo(220, 480, 200, 420, 150, 360);
        spout.lineTo(132, 352);
        spout.lineTo(140, 336);
        spout.curveTo(200, 350, 250, 400, 300, 420);
        spout.closePath();
        shaded(g, spout, c);
        outline(g, spout, e, 3f);
        // ribbed body
        Ellipse2D body = new Ellipse2D.Double(240, 330, 320, 290);
        cylinder(g, body, c);
        Shape clip = g.getClip();
        g.clip(body);
        for (int i = -7; i <= 7; i++) {
            Path2D rib = new Path2D.Double();
            double xm = 400 + i * 24;
            rib.moveTo(400 + i * 9, 320);
            rib.quadTo(xm + i * 6, 475, 400 + i * 9, 630);
            outline(g, rib, alpha(darker(c, 0.4), 90), 2.5f);
        }
        g.setClip(clip);
        outline(g, body, e, 3f);
        // foot
        g.setColor(darker(c, 0.25));
        g.fill(new RoundRectangle2D.Double(320, 606, 160, 18, 10, 10));
        // lid and knob
        Ellipse2D opening = new Ellipse2D.Double(300, 322, 200, 44);
        g.setColor(darker(c, 0.2));
        g.fill(opening);
        Path2D lid = new Path2D.Double();
        lid.moveTo(310, 344);
        lid.quadTo(400, 270, 490, 344);
        lid.quadTo(400, 362, 310, 344);
        shaded(g, lid, c);
        outline(g, lid, e, 3f);
        Ellipse2D knob = new Ellipse2D.Double(380, 282, 40, 34);
        shaded(g, knob, c);
        outline(g, knob, e, 2.5f);
    }

    static void cushion(Graphics2D g, Color c, boolean lumbar) {
        double x0 = lumbar ? 130 : 185, x1 = lumbar ? 670 : 615;
        double y0 = lumbar ? 285 : 190, y1 = lumbar ? 590 : 620;
        shadow(g, 400, y1 + 40, (x1 - x0) / 2 + 20, 26, 55);
        double pinch = lumbar ? 26 : 34;
        double mx = (x0 + x1) / 2, my = (y0 + y1) / 2;
        Path2D p = new Path2D.Double();
        p.moveTo(x0, y0);
        p.quadTo(mx, y0 + pinch, x1, y0);
        p.quadTo(x1 - pinch, my, x1, y1);
        p.quadTo(mx, y1 - pinch, x0, y1);
        p.quadTo(x0 + pinch, my, x0, y0);
        p.closePath();
        g.setColor(c);
        g.fill(p);
        Shape clip = g.getClip();
        g.clip(p);
        double r = Math.max(x1 - x0, y1 - y0) * 0.62;
        g.setPaint(new RadialGradientPaint(new Point2D.Double(mx - 40, my - 50), (float) r,
                new float[] {0f, 0.6f, 1f},
                new Color[] {new Color(255, 255, 255, lumbar ? 70 : 55), new Color(255, 255, 255, 0),
                    new Color(0, 0, 0, 70)}));
        g.fill(p.getBounds());
        if (!lumbar) {
            // washed linen slub: sparse horizontal and vertical threads
            Random rnd = new Random(c.getRGB());
            for (int i = 0; i < 70; i++) {
                double y = y0 + rnd.nextDouble() * (y1 - y0);
                double xa = x0 + rnd.nextDouble() * (x1 - x0);
                line(g, xa, y, xa + 40 + rnd.nextDouble() * 80, y, alpha(darker(c, 0.25), 55), 2f);
            }
            // soft creases
            Path2D crease = new Path2D.Double();
            crease.moveTo(x0 + 60, y0 + 90);
            crease.quadTo(mx - 40, my - 10, mx + 10, y1 - 80);
            outline(g, crease, alpha(darker(c, 0.3), 70), 4f);
        }
        g.setClip(clip);
        // seam just inside the edge
        AffineTransform t = new AffineTransform();
        t.translate(mx, my);
        t.scale(0.965, 0.955);
        t.translate(-mx, -my);
        outline(g, t.createTransformedShape(p), alpha(darker(c, 0.35), 130), 2f);
        outline(g, p, edge(c), 3f);
        if (!lumbar) {
            // hidden zip pull peeking out at the bottom edge
            g.setColor(new Color(0x9C9C9C));
            g.fill(new RoundRectangle2D.Double(x1 - 70, y1 - 16, 12, 26, 5, 5));
        }
    }

    static void vase(Graphics2D g, Color c) {
        shadow(g, 400, 660, 150, 22, 70);
        Color e = edge(c);
        double[] right = {446, 170, 438, 196, 444, 236, 490, 330, 520, 440, 505, 560, 460, 642};
        Path2D v = new Path2D.Double();
        v.moveTo(800 - right[0], right[1]);
        v.lineTo(right[0], right[1]);
        v.quadTo(right[2], right[3], right[2], right[3]);
        v.curveTo(430, 220, 470, 280, 495, 340);
        v.curveTo(525, 410, 530, 520, 500, 580);
        v.quadTo(485, 625, 455, 642);
        v.lineTo(345, 642);
        v.quadTo(315, 625, 300, 580);
        v.curveTo(270, 520, 275, 410, 305, 340);
        v.curveTo(330, 280, 370, 220, 362, 196);
        v.closePath();
        cylinder(g, v, c);
        // vertical ribs following the profile
        Shape clip = g.getClip();
        g.clip(v);
        for (int i = -8; i <= 8; i++) {
            double f = i / 9.0;
            Path2D rib = new Path2D.Double();
            rib.moveTo(400 + f * 40, 196);
            rib.curveTo(400 + f * 95, 300, 400 + f * 150, 440, 400 + f * 120, 570);
            rib.quadTo(400 + f * 90, 630, 400 + f * 55, 645);
            outline(g, rib, alpha(darker(c, 0.3), 110), 3f);
        }
        g.setClip(clip);
        outline(g, v, e, 3f);
        // mouth
        Ellipse2D mouth = new Ellipse2D.Double(352, 160, 96, 22);
        g.setColor(darker(c, 0.45));
        g.fill(mouth);
        outline(g, mouth, lighter(c, 0.2), 3f);
        // a few dried grasses to give scale
        Color stem = new Color(0xB89D6E);
        double[][] stems = {{385, 170, 320, 40}, {400, 170, 410, 20}, {412, 170, 470, 55}, {395, 170, 360, 70}};
        for (double[] s : stems) {
            Path2D st = new Path2D.Double();
            st.moveTo(s[0], s[1]);
            st.quadTo((s[0] + s[2]) / 2 + 6, (s[1] + s[3]) / 2, s[2], s[3]);
            outline(g, st, stem, 3f);
            g.setColor(lighter(stem, 0.2));
            g.fill(new Ellipse2D.Double(s[2] - 7, s[3] - 16, 14, 30));
        }
    }

    static void candle(Graphics2D g, Color c) {
        shadow(g, 400, 626, 160, 22, 60);
        // glow of the flame on the background
        g.setPaint(new RadialGradientPaint(new Point2D.Double(400, 300), 220f, new float[] {0f, 1f},
                new Color[] {new Color(255, 220, 150, 70), new Color(255, 220, 150, 0)}));
        g.fill(new Ellipse2D.Double(180, 80, 440, 440));
        // glass tumbler
        Path2D glass = new Path2D.Double();
        glass.moveTo(285, 330);
        glass.lineTo(515, 330);
        glass.lineTo(510, 600);
        glass.quadTo(508, 620, 488, 622);
        glass.lineTo(312, 622);
        glass.quadTo(292, 620, 290, 600);
        glass.closePath();
        Color tint = c.equals(PALETTE.get("sage")) ? new Color(0x8FA98A) : new Color(0xC9B8A0);
        cylinder(g, glass, mix(tint, Color.WHITE, 0.15));
        // wax visible at the top, seen through the glass
        Path2D wax = poly(292, 352, 508, 352, 508, 384, 292, 384);
        g.setColor(alpha(lighter(c, 0.45), 200));
        g.fill(wax);
        // kraft label
        Path2D label = poly(300, 440, 500, 440, 498, 545, 302, 545);
        g.setColor(new Color(0xE8DCC4));
        g.fill(label);
        outline(g, label, new Color(0xB9A888), 2f);
        line(g, 345, 475, 455, 475, new Color(0x5E5246), 6f);
        line(g, 365, 500, 435, 500, new Color(0x8E8070), 4f);
        line(g, 375, 518, 425, 518, new Color(0x8E8070), 4f);
        // glass highlight and rim
        line(g, 312, 350, 316, 590, new Color(255, 255, 255, 110), 8f);
        outline(g, glass, darker(tint, 0.35), 3f);
        Ellipse2D rim = new Ellipse2D.Double(285, 316, 230, 30);
        g.setColor(lighter(c, 0.3));
        g.fill(rim);
        g.setColor(lighter(c, 0.1));
        g.fill(new Ellipse2D.Double(295, 322, 210, 22));
        outline(g, rim, darker(tint, 0.3), 3f);
        // wick and flame
        line(g, 400, 333, 402, 310, new Color(0x2A2A2A), 3f);
        Path2D flame = new Path2D.Double();
        flame.moveTo(401, 240);
        flame.curveTo(420, 270, 422, 300, 401, 312);
        flame.curveTo(380, 300, 382, 270, 401, 240);
        g.setColor(new Color(0xFFC44D));
        g.fill(flame);
        g.setColor(new Color(0xFFF1C2));
        g.fill(new Ellipse2D.Double(394, 280, 14, 26));
    }

    // ------------------------------------------------------------------ lighting

    static void lightPool(Graphics2D g, double cx, double cy, double rx, double ry) {
        AffineTransform saved = g.getTransform();
        g.translate(cx, cy);
        g.scale(rx / 100.0, ry / 100.0);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(0, 0), 100f, new float[] {0f, 1f},
                new Color[] {alpha(WARM_LIGHT, 120), alpha(WARM_LIGHT, 0)}));
        g.fill(new Ellipse2D.Double(-100, -100, 200, 200));
        g.setTransform(saved);
    }

    static void pleatedShade(Graphics2D g, double topHalf, double bottomHalf, double yTop, double yBottom, double cx,
            boolean pleats) {
        Path2D shade = poly(cx - topHalf, yTop, cx + topHalf, yTop, cx + bottomHalf, yBottom, cx - bottomHalf, yBottom);
        g.setColor(LINEN);
        g.fill(shade);
        Shape clip = g.getClip();
        g.clip(shade);
        g.setPaint(new GradientPaint((float) cx, (float) yTop, new Color(255, 250, 235, 0),
                (float) cx, (float) yBottom, new Color(255, 230, 170, 90)));
        g.fill(shade.getBounds());
        if (pleats) {
            for (int i = -12; i <= 12; i++) {
                double f = i / 12.5;
                line(g, cx + f * topHalf, yTop, cx + f * bottomHalf, yBottom, new Color(0, 0, 0, 22), 4f);
                line(g, cx + f * topHalf + 3, yTop, cx + f * bottomHalf + 5, yBottom, new Color(255, 255, 255, 60), 2f);
            }
        }
        g.setPaint(new GradientPaint((float) (cx + bottomHalf * 0.3), 0, new Color(0, 0, 0, 0),
                (float) (cx + bottomHalf), 0, new Color(0, 0, 0, 45)));
        g.fill(shade.getBounds());
        g.setClip(clip);
        outline(g, shade, new Color(0xC8BDA8), 3f);
    }

    static void tableLamp(Graphics2D g, Color c) {
        lightPool(g, 400, 640, 300, 40);
        shadow(g, 400, 650, 160, 20, 65);
        // ceramic gourd base
        Path2D base = new Path2D.Double();
        base.moveTo(372, 400);
        base.lineTo(428, 400);
        base.curveTo(440, 430, 530, 460, 530, 550);
        base.curveTo(530, 610, 480, 648, 400, 648);
        base.curveTo(320, 648, 270, 610, 270, 550);
        base.curveTo(270, 460, 360, 430, 372, 400);
        base.closePath();
        cylinder(g, base, c);
        speckles(g, base, alpha(isDark(c) ? lighter(c, 0.3) : darker(c, 0.4), 110), 160, c.getRGB());
        outline(g, base, edge(c), 3f);
        // brass neck and socket
        Shape neck = new RoundRectangle2D.Double(385, 340, 30, 64, 8, 8);
        cylinder(g, neck, BRASS);
        Shape collar = new RoundRectangle2D.Double(366, 392, 68, 16, 8, 8);
        cylinder(g, collar, BRASS);
        // cable
        Path2D cable = new Path2D.Double();
        cable.moveTo(470, 620);
        cable.curveTo(560, 690, 640, 640, 720, 700);
        outline(g, cable, new Color(0x5B5147), 5f);
        pleatedShade(g, 115, 185, 140, 350, 400, true);
    }

    static void mushroomLamp(Graphics2D g, Color c) {
        lightPool(g, 400, 620, 280, 46);
        shadow(g, 400, 628, 150, 20, 65);
        Color metal = c;
        // foot and stem
        Ellipse2D foot = new Ellipse2D.Double(290, 590, 220, 46);
        shaded(g, foot, darker(metal, 0.05), 40, 40);
        outline(g, foot, edge(metal), 2.5f);
        Path2D stem = poly(378, 360, 422, 360, 432, 612, 368, 612);
        cylinder(g, stem, metal);
        outline(g, stem, edge(metal), 2.5f);
        // glow under the dome
        g.setPaint(new RadialGradientPaint(new Point2D.Double(400, 380), 170f, new float[] {0f, 1f},
                new Color[] {alpha(WARM_LIGHT, 200), alpha(WARM_LIGHT, 0)}));
        g.fill(new Ellipse2D.Double(230, 330, 340, 200));
        // dome shade
        Path2D dome = new Path2D.Double();
        dome.moveTo(215, 380);
        dome.curveTo(220, 230, 320, 190, 400, 190);
        dome.curveTo(480, 190, 580, 230, 585, 380);
        dome.quadTo(400, 400, 215, 380);
        dome.closePath();
        shaded(g, dome, metal, 80, 60);
        outline(g, dome, edge(metal), 3f);
        Ellipse2D lip = new Ellipse2D.Double(215, 366, 370, 30);
        g.setColor(alpha(WARM_LIGHT, 230));
        g.fill(new Ellipse2D.Double(240, 374, 320, 18));
        outline(g, lip, edge(metal), 2f);
        // touch dimmer dot
        g.setColor(new Color(0xB0B0B0));
        g.fill(new Ellipse2D.Double(392, 250, 16, 16));
    }

    static void floorLamp(Graphics2D g, Color c) {
        shadow(g, 400, 730, 230, 22, 60);
        Color wood = c.equals(PALETTE.get("black")) ? c : OAK;
        Color e = darker(wood, 0.35);
        // three tapered legs meeting at a collar
        double[][] legs = {{390, 330, 230, 735}, {410, 330, 575, 735}, {400, 335, 415, 700}};
        for (int i = 0; i < legs.length; i++) {
            double[] l = legs[i];
            Color lc = i == 2 ? darker(wood, 0.15) : wood;
            Path2D leg = poly(l[0] - 9, l[1], l[0] + 9, l[1], l[2] + 6, l[3], l[2] - 6, l[3]);
            cylinder(g, leg, lc);
            outline(g, leg, e, 2f);
            if (i < 2 && wood == OAK) {
                // wood grain
                line(g, l[0] - 2, l[1] + 30, l[2] - 1, l[3] - 30, alpha(darker(wood, 0.3), 90), 1.5f);
            }
        }
        Shape collar = new RoundRectangle2D.Double(380, 310, 40, 36, 10, 10);
        cylinder(g, collar, BRASS);
        // stem to the shade
        Shape stem = new Rectangle2D.Double(394, 250, 12, 64);
        cylinder(g, stem, BRASS);
        // glow and drum shade
        g.setPaint(new RadialGradientPaint(new Point2D.Double(400, 300), 200f, new float[] {0f, 1f},
                new Color[] {alpha(WARM_LIGHT, 110), alpha(WARM_LIGHT, 0)}));
        g.fill(new Ellipse2D.Double(200, 180, 400, 260));
        pleatedShade(g, 140, 150, 80, 270, 400, false);
        Ellipse2D bottom = new Ellipse2D.Double(250, 258, 300, 24);
        g.setColor(alpha(WARM_LIGHT, 220));
        g.fill(bottom);
        // cable with a foot switch
        Path2D cable = new Path2D.Double();
        cable.moveTo(404, 330);
        cable.curveTo(420, 500, 470, 720, 680, 740);
        outline(g, cable, new Color(0x3C3732), 4f);
        g.setColor(new Color(0x2E2E2E));
        g.fill(new RoundRectangle2D.Double(560, 722, 40, 18, 8, 8));
    }

    static void pendant(Graphics2D g, Color c) {
        // soft pool of light on the table surface below
        lightPool(g, 400, 700, 320, 60);
        // ceiling rose and cord
        g.setColor(c);
        g.fill(new RoundRectangle2D.Double(360, -10, 80, 34, 10, 10));
        line(g, 400, 20, 400, 250, new Color(0x2F2F2F), 4f);
        cylinder(g, new RoundRectangle2D.Double(384, 240, 32, 50, 8, 8), c);
        // dome shade
        Path2D dome = new Path2D.Double();
        dome.moveTo(390, 270);
        dome.lineTo(410, 270);
        dome.curveTo(470, 275, 560, 300, 585, 470);
        dome.lineTo(215, 470);
        dome.curveTo(240, 300, 330, 275, 390, 270);
        dome.closePath();
        // glow cone below the shade
        Path2D cone = poly(225, 470, 575, 470, 720, 760, 80, 760);
        g.setPaint(new GradientPaint(400, 470, alpha(WARM_LIGHT, 80), 400, 760, alpha(WARM_LIGHT, 0)));
        g.fill(cone);
        shaded(g, dome, c, 75, 60);
        outline(g, dome, edge(c), 3f);
        // white interior and bulb
        Ellipse2D inside = new Ellipse2D.Double(215, 452, 370, 40);
        g.setColor(new Color(0xF5F1E8));
        g.fill(inside);
        outline(g, inside, edge(c), 3f);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(400, 472), 70f, new float[] {0f, 1f},
                new Color[] {new Color(255, 250, 225), alpha(WARM_LIGHT, 0)}));
        g.fill(new Ellipse2D.Double(330, 452, 140, 40));
        g.setColor(new Color(0xFFF6D8));
        g.fill(new Ellipse2D.Double(372, 452, 56, 46));
    }
}
