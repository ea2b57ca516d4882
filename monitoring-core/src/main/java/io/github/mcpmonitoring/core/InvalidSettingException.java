package io.github.mcpmonitoring.core;

/**
 * Thrown by a constructor or builder when a setting it is given is out of range, naming the setting so that whoever
 * configured it (a configuration property, a builder call) can be told which one.
 */
public class InvalidSettingException extends IllegalArgumentException {

	private final String setting;

	private final transient Object value;

	/**
	 * Create an exception.
	 * @param setting the name of the setting, as the constructor or builder calls it
	 * @param value the rejected value
	 * @param requirement what the value must be, such as {@code "must be positive"}
	 */
	public InvalidSettingException(String setting, Object value, String requirement) {
		super(setting + " " + requirement);
		this.setting = setting;
		this.value = value;
	}

	/**
	 * Return the name of the setting.
	 * @return the setting
	 */
	public String setting() {
		return this.setting;
	}

	/**
	 * Return the rejected value.
	 * @return the value
	 */
	public Object value() {
		return this.value;
	}

}
