package keychain

// BackgroundNames are identifiers that mark code the system runs in the
// background, while the device may be locked: the distinctive parts of the
// framework callbacks' Swift signatures and Objective-C selectors
// (application(_:didReceiveRemoteNotification:fetchCompletionHandler:),
// pushRegistry:didReceiveIncomingPushWithPayload:forType:…), the
// BGTaskScheduler registration, the timeline provider protocols and the
// superclasses of background app extensions' principal classes. The scan
// parses a file that mentions one even when it holds no keychain token
// (analyzer/driver's second round), so that the backgroundaccess rule sees
// the entry points that call into keychain code; the rule's own table of
// callbacks is checked against this list.
var BackgroundNames = []string{
	"didReceiveRemoteNotification",
	"performFetchWithCompletionHandler",
	"handleEventsForBackgroundURLSession",
	"urlSessionDidFinishEvents", "URLSessionDidFinishEventsForBackgroundURLSession",
	"withContentHandler", "serviceExtensionTimeWillExpire", "UNNotificationServiceExtension",
	"userNotificationCenter",
	"pushRegistry", "didReceiveIncomingPushWith", "didReceiveIncomingPushWithPayload", "PKPushRegistryDelegate",
	"TimelineProvider", "IntentTimelineProvider", "AppIntentTimelineProvider",
	"forTaskWithIdentifier", "registerForTaskWithIdentifier",
	"NEPacketTunnelProvider", "NEAppProxyProvider", "NEFilterDataProvider", "NEDNSProxyProvider",
	"CXCallDirectoryProvider", "INExtension", "NSFileProviderReplicatedExtension", "NSFileProviderExtension",
	"DeviceActivityMonitor", "BADownloaderExtension",
}
