package io.github.mcpmonitoring.sample.e2e;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.catalina.connector.Connector;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.context.ApplicationListener;

/**
 * The address each embedded Tomcat was bound to, by server namespace; events of the management context reach this
 * listener through its parent. Boot 4's web server classes; sample-app-boot3 has Boot 3.5's.
 */
public class WebServerAddresses implements ApplicationListener<WebServerInitializedEvent> {

	private final Map<String, String> addresses = new ConcurrentHashMap<>();

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		String namespace = event.getApplicationContext().getServerNamespace();
		Connector connector = ((TomcatWebServer) event.getWebServer()).getTomcat().getConnector();
		InetAddress address = (InetAddress) connector.getProperty("address");
		this.addresses.put((namespace != null) ? namespace : "server",
				(address != null) ? address.getHostAddress() : "every interface");
	}

	Map<String, String> addresses() {
		return this.addresses;
	}

}
