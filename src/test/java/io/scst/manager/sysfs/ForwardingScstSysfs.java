package io.scst.manager.sysfs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A gateway that hands every call to another one: override what a test changes. */
public class ForwardingScstSysfs implements ScstSysfs {

	private final ScstSysfs delegate;

	public ForwardingScstSysfs(ScstSysfs delegate) {
		this.delegate = delegate;
	}

	@Override
	public Mode mode() {
		return this.delegate.mode();
	}

	@Override
	public String location() {
		return this.delegate.location();
	}

	@Override
	public boolean available() {
		return this.delegate.available();
	}

	@Override
	public List<Entry> list(ScstPath dir) {
		return this.delegate.list(dir);
	}

	@Override
	public Optional<Entry> stat(ScstPath path) {
		return this.delegate.stat(path);
	}

	@Override
	public Attribute read(ScstPath path) {
		return this.delegate.read(path);
	}

	@Override
	public Attribute readWithoutWaiting(ScstPath path) {
		return this.delegate.readWithoutWaiting(path);
	}

	@Override
	public void write(ScstPath path, String value) {
		this.delegate.write(path, value);
	}

	@Override
	public void writeBytes(ScstPath path, byte[] data) {
		this.delegate.writeBytes(path, data);
	}

	@Override
	public Duration timeout() {
		return this.delegate.timeout();
	}

	@Override
	public long writes() {
		return this.delegate.writes();
	}

	@Override
	public String readLink(ScstPath path) {
		return this.delegate.readLink(path);
	}

}
