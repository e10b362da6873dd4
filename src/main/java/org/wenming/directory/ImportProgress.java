package org.wenming.directory;

/**
 * Hears how far an import has come.
 */
@FunctionalInterface
public interface ImportProgress {

	ImportProgress NONE = (stage, done, total) -> {
	};

	/**
	 * @param done rows read, checked or stored so far
	 * @param total rows in all, or -1 while the file is still being read
	 */
	void update(Stage stage, long done, long total);

	/** Reading and checking each row, checking against stored data, storing. */
	enum Stage {

		READING, CHECKING, STORING

	}

}
