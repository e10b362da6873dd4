package org.wenming.activity;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Creating, publishing, running, finishing and cancelling activities, within the caller's data
 * scope for {@code activity:read} / {@code activity:write}.
 */
@Service
public class Activities {

	/**
	 * Creates an activity in 草稿 for the organizing org, which must lie in the caller's scope for
	 * {@code activity:write}.
	 */
	public Activity create(NewActivity draft) {
		throw new UnsupportedOperationException("not yet");
	}

	/** Opens a draft for sign-up (草稿 → 报名中). */
	public Activity publish(long id) {
		throw new UnsupportedOperationException("not yet");
	}

	/** The activity if it exists and lies in the caller's scope for {@code activity:read}. */
	public Optional<Activity> find(long id) {
		throw new UnsupportedOperationException("not yet");
	}

	/** The activities a volunteer team runs, newest first. */
	public List<Activity> byTeam(long teamId) {
		throw new UnsupportedOperationException("not yet");
	}

	/** How many finished activities the person signed up for (confirmed) and never attended. */
	public int noShows(long personId) {
		throw new UnsupportedOperationException("not yet");
	}

}
