package org.wenming.platform.files;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * POI's zip-bomb limits, which are JVM-wide: set once here for every module that reads Office
 * files, rather than by each reader in turn.
 */
public final class ZipBombGuard {

	/** Smallest compressed-to-expanded ratio an entry may have. */
	public static final double MIN_INFLATE_RATIO = 0.01;

	/**
	 * No part of an upload may expand beyond this: a 200,000-row sheet is well below it, and it
	 * bounds the shared strings POI keeps in memory.
	 */
	public static final long MAX_ENTRY_SIZE = 256L * 1024 * 1024;

	/** An Office document has a few dozen parts; thousands mean something else. */
	public static final int MAX_FILE_COUNT = 1000;

	static {
		ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
		ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
		ZipSecureFile.setMaxFileCount(MAX_FILE_COUNT);
	}

	private ZipBombGuard() {
	}

	/** Makes sure the limits are in force before a file is opened. */
	public static void ensure() {
		// The static initializer does the work; calling this loads the class.
	}

}
