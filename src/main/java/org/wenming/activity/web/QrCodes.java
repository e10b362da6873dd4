package org.wenming.activity.web;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes as SVG: one path of unit squares, scaled by the viewer; and QR codes read from photos. */
final class QrCodes {

	/** Photos larger than this (in pixels) are not read: a phone's camera stays well below. */
	private static final long MAX_PIXELS = 50_000_000L;

	/** Photos are scaled down to this longest side before reading: QR codes on a screen stay legible. */
	private static final int READ_SIDE = 1600;

	/** The longest side decoded from the file at all: larger photos are subsampled while they are read. */
	private static final int DECODE_SIDE = 2400;

	private QrCodes() {
	}

	/**
	 * The text of the QR code in a photo (JPEG, PNG, GIF, BMP), or empty when the image cannot be
	 * read or shows no legible QR code. Dimensions are checked before the pixels are decoded.
	 */
	static Optional<String> read(InputStream photo) throws IOException {
		BufferedImage image;
		try (ImageInputStream in = ImageIO.createImageInputStream(photo)) {
			if (in == null) {
				return Optional.empty();
			}
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return Optional.empty();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if ((long) width * height > MAX_PIXELS) {
					return Optional.empty();
				}
				// Only every n-th pixel is decoded, so a large photo costs what a small one does.
				javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
				int step = Math.max(1, (Math.max(width, height) + DECODE_SIDE - 1) / DECODE_SIDE);
				param.setSourceSubsampling(step, step, 0, 0);
				image = reader.read(0, param);
			}
			catch (IOException | RuntimeException ex) {
				return Optional.empty();
			}
			finally {
				reader.dispose();
			}
		}
		for (BufferedImage candidate : List.of(scaled(image, READ_SIDE), image)) {
			Optional<String> text = decode(candidate);
			if (text.isPresent()) {
				return text;
			}
		}
		return Optional.empty();
	}

	private static Optional<String> decode(BufferedImage image) {
		int width = image.getWidth();
		int height = image.getHeight();
		int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
		LuminanceSource source = new RGBLuminanceSource(width, height, pixels);
		Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
				DecodeHintType.CHARACTER_SET, "UTF-8");
		for (LuminanceSource s : List.of(source, source.invert())) {
			try {
				return Optional.of(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(s)), hints).getText());
			}
			catch (NotFoundException ex) {
				// try the next
			}
			catch (ReaderException ex) {
				// a damaged code; try the next
			}
		}
		return Optional.empty();
	}

	private static BufferedImage scaled(BufferedImage image, int side) {
		int longest = Math.max(image.getWidth(), image.getHeight());
		if (longest <= side) {
			return image;
		}
		int width = Math.max(1, image.getWidth() * side / longest);
		int height = Math.max(1, image.getHeight() * side / longest);
		BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = small.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(image, 0, 0, width, height, null);
		g.dispose();
		return small;
	}

	static String svg(String text) {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
		}
		catch (WriterException ex) {
			throw new IllegalStateException(ex);
		}
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y)) {
					path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight()
				+ "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"签到二维码\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
				+ "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
	}

}
